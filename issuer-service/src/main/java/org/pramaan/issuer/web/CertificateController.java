package org.pramaan.issuer.web;

import org.pramaan.service.problem.NotFoundException;

import org.pramaan.service.problem.Input;
import java.util.List;
import org.pramaan.issuer.application.ApplicationService;
import org.pramaan.issuer.contact.PhoneNumber;
import org.pramaan.issuer.certificate.Certificate;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.certificate.RevocationService;
import org.pramaan.issuer.hold.HoldService;
import org.pramaan.issuer.hold.Holds;
import org.pramaan.issuer.security.Caller;
import org.pramaan.issuer.security.CurrentCaller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Certificates: direct issuance by department systems, reading, the PDF, revocation. */
@RestController
@RequestMapping("/api/v1/certificates")
public class CertificateController {

    /**
     * A revocation: a code from the ledger's list, which is all the ledger, the verifier and the
     * citizen see, and the officer's note, which this service keeps for the department only.
     */
    public record RevokeRequest(String code, String reason) {
    }

    /**
     * A hold while the department checks the certificate: a code from the ledger's list (all that
     * the ledger and the verifier see) and an optional note, kept here. A release takes a note only.
     */
    public record HoldRequest(String code, String note) {
    }

    /** A citizen's certificates, for the bridge. */
    public record CertificateList(List<CertificateSummary> certificates) {
    }

    private final ApplicationService applications;
    private final Certificates certificates;
    private final RevocationService revocations;
    private final HoldService holds;
    private final Holds holdCodes;

    public CertificateController(ApplicationService applications, Certificates certificates,
                                 RevocationService revocations, HoldService holds, Holds holdCodes) {
        this.holds = holds;
        this.holdCodes = holdCodes;
        this.applications = applications;
        this.certificates = certificates;
        this.revocations = revocations;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CertificateView issue(@RequestBody ApplicationController.SubmitRequest request) {
        return CertificateView.of(applications.issueDirectly(ApplicationController.submission(request),
                CurrentCaller.get()));
    }

    /** The bridge asks for one citizen's certificates, newest first; nobody else may look a citizen up by number. */
    @GetMapping(params = "phoneNumber")
    public CertificateList byPhone(@RequestParam String phoneNumber) {
        CurrentCaller.get().requireKind(Caller.Kind.BRIDGE);
        String digits = Input.parse("phoneNumber", () -> PhoneNumber.parse(phoneNumber)).digits();
        var standing = certificates.standingByPhone(digits);
        return new CertificateList(certificates.byPhone(digits, 50).stream()
                .map(c -> CertificateSummary.of(c, standing.get(c.id().value()))).toList());
    }

    /** Certificates whose id or holder name contains {@code q}, newest first (the caller's departments). */
    @GetMapping
    public List<CertificateView> search(@RequestParam(defaultValue = "") String q) {
        Caller caller = CurrentCaller.get();
        caller.requireKind(Caller.Kind.OFFICER, Caller.Kind.ADMIN, Caller.Kind.DEPARTMENT_SYSTEM);
        List<Certificate> found = caller.allDepartments() ? certificates.search(null, q, 100)
                : caller.departments().stream().flatMap(d -> certificates.search(d, q, 100).stream()).toList();
        return found.stream().map(CertificateView::of).toList();
    }

    @GetMapping("/{id}")
    public CertificateView get(@PathVariable String id) {
        return CertificateView.of(visible(id));
    }

    @GetMapping("/{id}/pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable String id) {
        Certificate certificate = visible(id);
        byte[] pdf = certificates.pdf(certificate.id().value()).orElseThrow(() -> new NotFoundException("no certificate " + id));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(certificate.id() + ".pdf").build().toString())
                .body(pdf);
    }

    @PostMapping("/{id}/hold")
    public CertificateView hold(@PathVariable String id, @RequestBody HoldRequest request) {
        return CertificateView.of(holds.hold(id, request.code(), request.note(), CurrentCaller.get()),
                holdCodes.holdCode(id));
    }

    @PostMapping("/{id}/release")
    public CertificateView release(@PathVariable String id, @RequestBody(required = false) HoldRequest request) {
        return CertificateView.of(holds.release(id, request == null ? null : request.note(), CurrentCaller.get()),
                holdCodes.holdCode(id));
    }

    @PostMapping("/{id}/revoke")
    public CertificateView revoke(@PathVariable String id, @RequestBody RevokeRequest request) {
        return CertificateView.of(revocations.revoke(id, request.code(), request.reason(), CurrentCaller.get()));
    }

    private Certificate visible(String id) {
        Caller caller = CurrentCaller.get();
        return certificates.find(id).filter(c -> caller.mayActFor(c.department()))
                .orElseThrow(() -> new NotFoundException("no certificate " + id));
    }
}
