package org.pramaan.verifier.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.pramaan.credential.CredentialText;
import org.pramaan.credential.Language;
import org.pramaan.credential.MalformedCredentialException;
import org.pramaan.verifier.image.CredentialFiles;
import org.pramaan.verifier.image.DecodersBusyException;
import org.pramaan.verifier.image.UnreadableUploadException;
import org.pramaan.verifier.image.UploadTooCostlyException;
import org.pramaan.verifier.image.UploadedCredential;
import org.pramaan.verifier.security.Refusals;
import org.pramaan.verifier.verification.VerificationEngine;
import org.pramaan.verifier.verification.Verdict;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The human pages: the start page (camera scanner and upload) and the result page a phone camera
 * opens from the QR code ({@code /C/<credential>}, in any letter case). Server-rendered, no script
 * on the result page, so it is small and fast on a cheap phone.
 *
 * <p>An upload whose credential could be read is answered with a redirect to that credential's
 * result page (post/redirect/get): the page then has an address, so switching language, reloading
 * and going back all work. An upload without a credential is shown at once, with links that lead
 * to the start page, since there is nothing to show again.
 */
@Controller
public class PageController {

    private static final String START = "/";

    private final VerificationEngine engine;
    private final CredentialFiles files;
    private final VerdictViews views;
    private final Refusals refusals;

    public PageController(VerificationEngine engine, CredentialFiles files, VerdictViews views, Refusals refusals) {
        this.engine = engine;
        this.files = files;
        this.views = views;
        this.refusals = refusals;
    }

    @GetMapping("/")
    public String start(HttpServletRequest request, Model model) {
        model.addAttribute("lang", language(request).code());
        return "index";
    }

    @GetMapping({"/C/{credential}", "/c/{credential}"})
    public String result(@PathVariable("credential") String credential, HttpServletRequest request, Model model) {
        return render(engine.verify("/C/" + credential), request.getRequestURI(), request, model);
    }

    @PostMapping("/check")
    public String upload(@RequestParam("file") MultipartFile file, HttpServletRequest request, Model model)
            throws IOException {
        UploadedCredential uploaded = files.read(file.getBytes());
        Optional<String> payload = payload(uploaded);
        if (payload.isPresent()) {
            // 303: the browser fetches the result with GET, whatever it posted.
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.SEE_OTHER);
            return "redirect:" + UriComponentsBuilder.fromPath(CredentialText.PATH + payload.get())
                    .queryParam("lang", language(request).code()).build().toUriString();
        }
        return render(VerifyApiController.verdictOf(uploaded, engine), START, request, model);
    }

    /** A reload or a bookmark of the upload's address: the start page, in the same language. */
    @GetMapping("/check")
    public String checkAgain(HttpServletRequest request) {
        return "redirect:/?lang=" + language(request).code();
    }

    @ExceptionHandler(UnreadableUploadException.class)
    public String unreadable(UnreadableUploadException e, HttpServletRequest request, HttpServletResponse response,
                             Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return render(Verdict.malformed("upload.noQr", e.getMessage()), START, request, model);
    }

    /** A file that would cost too much to read: a 422 page saying so. */
    @ExceptionHandler(UploadTooCostlyException.class)
    public String tooCostly(UploadTooCostlyException e, HttpServletRequest request, HttpServletResponse response,
                            Model model) {
        refusals.count("upload_" + e.reason());
        response.setStatus(422);
        return render(Verdict.malformed("upload.tooCostly", e.getMessage()), START, request, model);
    }

    /** Every decode slot taken: a 503 page, with Retry-After, asking to try again in a moment. */
    @ExceptionHandler(DecodersBusyException.class)
    public String busy(DecodersBusyException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        refusals.count("decoders_busy");
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        return render(Verdict.malformed("upload.busy", e.getMessage()), START, request, model);
    }

    /**
     * The credential's text for the result page's address, when the upload holds one of ours; a QR
     * code of something else is judged here and now, as it has no such address.
     */
    private static Optional<String> payload(UploadedCredential uploaded) {
        if (uploaded instanceof UploadedCredential.Cose cose) {
            return Optional.of(CredentialText.payload(cose.bytes()));
        }
        if (uploaded instanceof UploadedCredential.QrText text) {
            try {
                return Optional.of(CredentialText.payload(CredentialText.decode(text.text())));
            } catch (MalformedCredentialException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** {@code languagePath}: the address the language links lead to, one a browser can GET again. */
    private String render(Verdict verdict, String languagePath, HttpServletRequest request, Model model) {
        Language language = language(request);
        model.addAttribute("lang", language.code());
        model.addAttribute("path", languagePath);
        model.addAttribute("page", views.page(verdict, language));
        return "result";
    }

    private static Language language(HttpServletRequest request) {
        return Languages.resolve(request.getParameter("lang"), request.getHeader("Accept-Language"));
    }
}
