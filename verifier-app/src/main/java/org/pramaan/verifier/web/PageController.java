package org.pramaan.verifier.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pramaan.credential.Language;
import org.pramaan.verifier.image.CredentialFiles;
import org.pramaan.verifier.image.DecodersBusyException;
import org.pramaan.verifier.image.UnreadableUploadException;
import org.pramaan.verifier.image.UploadTooCostlyException;
import org.pramaan.verifier.security.Refusals;
import org.pramaan.verifier.verification.VerificationEngine;
import org.pramaan.verifier.verification.Verdict;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The human pages: the start page (camera scanner and upload) and the result page a phone camera
 * opens from the QR code ({@code /C/<credential>}, in any letter case). Server-rendered, no script
 * on the result page, so it is small and fast on a cheap phone.
 */
@Controller
public class PageController {

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
        return render(engine.verify("/C/" + credential), request, model);
    }

    @PostMapping("/check")
    public String upload(@RequestParam("file") MultipartFile file, HttpServletRequest request, Model model)
            throws IOException {
        return render(VerifyApiController.verdictOf(files.read(file.getBytes()), engine), request, model);
    }

    @ExceptionHandler(UnreadableUploadException.class)
    public String unreadable(UnreadableUploadException e, HttpServletRequest request, HttpServletResponse response,
                             Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return render(Verdict.malformed("upload.noQr", e.getMessage()), request, model);
    }

    /** A file that would cost too much to read: a 422 page saying so. */
    @ExceptionHandler(UploadTooCostlyException.class)
    public String tooCostly(UploadTooCostlyException e, HttpServletRequest request, HttpServletResponse response,
                            Model model) {
        refusals.count("upload_" + e.reason());
        response.setStatus(422);
        return render(Verdict.malformed("upload.noQr", e.getMessage()), request, model);
    }

    /** Every decode slot taken: a 503 page, with Retry-After, asking to try again in a moment. */
    @ExceptionHandler(DecodersBusyException.class)
    public String busy(DecodersBusyException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        refusals.count("decoders_busy");
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        return render(Verdict.malformed("upload.noQr", e.getMessage()), request, model);
    }

    private String render(Verdict verdict, HttpServletRequest request, Model model) {
        Language language = language(request);
        model.addAttribute("lang", language.code());
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("page", views.page(verdict, language));
        return "result";
    }

    private static Language language(HttpServletRequest request) {
        return Languages.resolve(request.getParameter("lang"), request.getHeader("Accept-Language"));
    }
}
