package org.pramaan.issuer.digilocker;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pramaan.catalog.Catalog;
import org.pramaan.catalog.CertificateForm;
import org.pramaan.catalog.ServiceDefinition;
import org.pramaan.issuer.certificate.Certificate;
import org.pramaan.issuer.certificate.CertificateStatus;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.hold.Holds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers DigiLocker's Pull URI and Pull Doc requests. A certificate is handed out (Status 1) only when the number
 * (UDF1, or the URI's tail) names one, its certificate type is the DigiLocker document type asked for, the name
 * DigiLocker sends is the holder's ({@link HolderNames}), and it is in force: not revoked, not on hold, not expired.
 * Anything else is Status 0 with exactly the same body, whatever the reason, and the same work done (an unknown
 * number is compared with a stand-in name and its hold looked up, as a real one's is), so the answer never tells
 * whether a certificate exists. A certificate of the right holder that the ledger has not recorded yet, or whose PDF
 * is still being rendered, is Status 9, pending: DigiLocker asks again.
 */
@Service
public class DigiLockerPulls {

    public static final String OK = "1";
    public static final String REFUSED = "0";
    public static final String PENDING = "9";
    private static final Logger LOG = LoggerFactory.getLogger(DigiLockerPulls.class);
    private static final String STAND_IN_NAME = "Stand In Name";
    /** Fields echoed back as DigiLocker sent them; the photo is not sent back, nor anything unknown. */
    private static final int MAX_ID_LENGTH = 64;

    private final Certificates certificates;
    private final Holds holds;
    private final Catalog catalog;
    private final DigiLockerProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public DigiLockerPulls(Certificates certificates, Holds holds, Catalog catalog, DigiLockerProperties properties,
                           Clock clock, MeterRegistry meters) {
        this.certificates = certificates;
        this.holds = holds;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** The response body to a Pull URI request. */
    public byte[] pullUri(PullRequest request) {
        Map<String, String> echo = new LinkedHashMap<>();
        request.details().forEach((name, value) -> {
            if (!"Photo".equals(name)) {
                echo.put(name, value);
            }
        });
        String docType = request.detail("DocType");
        String number = request.detail("UDF1");
        Decision decision = decide(docType, number, request.detail("FullName"), true);
        if (!OK.equals(decision.status())) {
            return answer(request, decision, echo);
        }
        Map<String, String> details = new LinkedHashMap<>(echo);
        details.put("URI", decision.uri());
        content(request.format(), decision, details);
        return answer(request, decision, details);
    }

    /** The response body to a Pull Doc request. */
    public byte[] pullDoc(PullRequest request) {
        String uri = request.detail("URI");
        String prefix = properties.issuerId() + "-";
        String docType = "";
        String number = "";
        if (uri.startsWith(prefix) && uri.indexOf('-', prefix.length()) > prefix.length()) {
            int dash = uri.indexOf('-', prefix.length());
            docType = uri.substring(prefix.length(), dash);
            number = uri.substring(dash + 1);
        }
        // The name is optional in a Pull Doc request (DigiLocker sends it when the issuer opted for it): the URI was
        // handed out only after the name matched. When it is sent, it must match again.
        String fullName = request.detail("FullName");
        Decision decision = decide(docType, number, fullName, !fullName.isEmpty());
        Map<String, String> details = new LinkedHashMap<>();
        if (OK.equals(decision.status())) {
            content(request.format(), decision, details);
        }
        return answer(request, decision, details);
    }

    private record Decision(String status, String reason, Certificate certificate, CertificateForm form,
                            ServiceDefinition service, String uri) {
    }

    private Decision decide(String docType, String number, String fullName, boolean checkName) {
        String id = number.strip().toUpperCase(Locale.ROOT);
        Optional<Certificate> found = id.isEmpty() || id.length() > MAX_ID_LENGTH ? Optional.empty()
                : certificates.find(id);
        // The same work for a number that names nothing: a name comparison and a hold look-up.
        boolean nameMatches = HolderNames.match(found.map(Certificate::holderName).orElse(STAND_IN_NAME), fullName);
        String holdCode = holds.holdCode(found.map(c -> c.id().value()).orElse(id));
        if (found.isEmpty()) {
            return refused("unknown");
        }
        Certificate c = found.get();
        Optional<ServiceDefinition> service = Optional.ofNullable(c.serviceCode()).flatMap(catalog::service);
        Optional<CertificateForm> form = service.flatMap(ServiceDefinition::certificateForm);
        if (form.isEmpty() || form.get().digiLockerDocType() == null
                || !form.get().digiLockerDocType().equals(docType)) {
            return refused("doc_type");
        }
        if (checkName && !nameMatches) {
            return refused("name");
        }
        if (c.status() == CertificateStatus.REVOKED) {
            return refused("revoked");
        }
        if (holdCode != null) {
            return refused("on_hold");
        }
        if (!c.expiresAt().isAfter(clock.instant())) {
            return refused("expired");
        }
        String uri = properties.issuerId() + "-" + docType + "-" + c.id().value();
        if (!c.anchored()) {
            return new Decision(PENDING, "not_anchored", c, form.get(), service.get(), uri);
        }
        if (!certificates.pdfReady(c.id().value())) {
            // Approved seconds ago: its PDF is still being rendered; DigiLocker asks again.
            return new Decision(PENDING, "pdf_pending", c, form.get(), service.get(), uri);
        }
        return new Decision(OK, "ok", c, form.get(), service.get(), uri);
    }

    private static Decision refused(String reason) {
        return new Decision(REFUSED, reason, null, null, null, null);
    }

    private void content(PullRequest.Format format, Decision decision, Map<String, String> details) {
        Certificate c = decision.certificate();
        if (format.pdf()) {
            // The stored signed PDF, read as the citizen's download reads it.
            byte[] pdf = certificates.pdf(c.id().value())
                    .orElseThrow(() -> new IllegalStateException("certificate " + c.id() + " has no PDF"));
            details.put("DocContent", Base64.getEncoder().encodeToString(pdf));
        }
        if (format.xml()) {
            byte[] xml = CertificateXml.write(c, catalog.department(c.department()).orElse(null),
                    decision.service().names().en(), decision.form(), decision.uri());
            details.put("DataContent", Base64.getEncoder().encodeToString(xml));
        }
    }

    private byte[] answer(PullRequest request, Decision decision, Map<String, String> details) {
        meters.counter("pramaan.digilocker.pulls", "call", request.kind() == PullRequest.Kind.PULL_URI ? "pull_uri"
                : "pull_doc", "status", decision.status()).increment();
        // DigiLocker's transaction id and the outcome; no name, number or Aadhaar field.
        LOG.info("DigiLocker {} txn {}: Status {} ({})", request.kind().request, sanitize(request.attribute("txn")),
                decision.status(), decision.reason());
        return PullMessages.write(request, decision.status(), details);
    }

    private static String sanitize(String txn) {
        String t = txn.length() > 64 ? txn.substring(0, 64) : txn;
        return t.replaceAll("[^A-Za-z0-9._:-]", "?");
    }
}
