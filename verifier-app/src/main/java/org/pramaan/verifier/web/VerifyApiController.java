package org.pramaan.verifier.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pramaan.credential.Language;
import org.pramaan.verifier.config.VerifierProperties;
import org.pramaan.verifier.image.CredentialFiles;
import org.pramaan.verifier.image.PdfSignatures;
import org.pramaan.verifier.image.UploadedCredential;
import org.pramaan.verifier.receipt.ReceiptSigner;
import org.pramaan.verifier.security.CallerLimit;
import org.pramaan.verifier.verification.VerificationEngine;
import org.pramaan.verifier.verification.Verdict;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The verification API for banks, employers and the WhatsApp bridge. */
@RestController
@Tag(name = "Verification")
public class VerifyApiController {

    private final VerificationEngine engine;
    private final CredentialFiles files;
    private final VerdictViews views;
    private final ReceiptSigner receipts;
    private final CallerLimit callerLimit;
    private final int maxBatch;
    private final PdfSignatures pdfSignatures;

    public VerifyApiController(VerificationEngine engine, CredentialFiles files, VerdictViews views,
                               ReceiptSigner receipts, CallerLimit callerLimit, VerifierProperties properties,
                               PdfSignatures pdfSignatures) {
        this.pdfSignatures = pdfSignatures;
        this.engine = engine;
        this.files = files;
        this.views = views;
        this.receipts = receipts;
        this.callerLimit = callerLimit;
        this.maxBatch = properties.maxBatch();
    }

    /** {@code receipt}: true to get a signed receipt in the answer. */
    public record VerifyRequest(String qr, Boolean receipt) {
    }

    public record BatchRequest(List<String> qrs) {
    }

    public record BatchResponse(List<VerifyResponse> results) {
    }

    @PostMapping(path = "/api/v1/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify the text of a certificate's QR code")
    public VerifyResponse verify(@RequestBody VerifyRequest request,
                                 @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        if (request == null || request.qr() == null) {
            throw new BadRequestException("the body needs a \"qr\" field with the text of the QR code");
        }
        Verdict verdict = engine.verify(request.qr());
        VerifyResponse response = views.response(verdict, Languages.resolve(null, acceptLanguage));
        return Boolean.TRUE.equals(request.receipt())
                ? response.withReceipt(receipts.sign(request.qr().getBytes(StandardCharsets.UTF_8), "qr", verdict))
                : response;
    }

    @PostMapping(path = "/api/v1/verify/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Verify a photo (PNG, JPEG) of the QR code, or the certificate PDF")
    public VerifyResponse verifyImage(@RequestPart("file") MultipartFile file,
                                      @RequestParam(value = "receipt", defaultValue = "false") boolean receipt,
                                      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage)
            throws IOException {
        byte[] bytes = file.getBytes();
        Verdict verdict = verdictOf(files.read(bytes), engine);
        VerifyResponse response = views.response(verdict, Languages.resolve(null, acceptLanguage));
        // A PDF's own signature is reported beside the credential's status: one answer, both checks.
        Optional<String> credentialDepartment = verdict.claims().map(c -> c.issuer().value());
        VerifyResponse answer = pdfSignatures.check(bytes)
                .map(f -> new VerifyResponse.PdfSignatureView(f.status().name(), f.reason(), f.department(), f.kid(),
                        f.signedAt(), f.timestamped(), f.department() != null
                                && credentialDepartment.map(f.department()::equals).orElse(false)))
                .map(response::withPdfSignature).orElse(response);
        return receipt ? answer.withReceipt(receipts.sign(bytes, "file", verdict)) : answer;
    }

    @PostMapping(path = "/api/v1/verify/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify up to 1,000 QR texts; each counts against the rate limit")
    public BatchResponse verifyBatch(@RequestBody BatchRequest request, HttpServletRequest http,
                                     @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        if (request == null || request.qrs() == null || request.qrs().isEmpty()) {
            throw new BadRequestException("the body needs a non-empty \"qrs\" array of QR texts");
        }
        if (request.qrs().size() > maxBatch) {
            throw new BadRequestException("a batch holds at most " + maxBatch + " QR texts, got " + request.qrs().size());
        }
        callerLimit.charge(http, request.qrs().size());
        Language language = Languages.resolve(null, acceptLanguage);
        List<VerifyResponse> results = new ArrayList<>(request.qrs().size());
        for (String qr : request.qrs()) {
            results.add(views.response(qr == null ? Verdict.malformed("status.MALFORMED", "the entry is null")
                    : engine.verify(qr), language));
        }
        return new BatchResponse(results);
    }

    static Verdict verdictOf(UploadedCredential uploaded, VerificationEngine engine) {
        if (uploaded instanceof UploadedCredential.QrText text) {
            return engine.verify(text.text());
        }
        if (uploaded instanceof UploadedCredential.Cose cose) {
            return engine.verify(cose.bytes());
        }
        UploadedCredential.NotFound none = (UploadedCredential.NotFound) uploaded;
        return Verdict.malformed(none.messageKey(), none.reason());
    }
}
