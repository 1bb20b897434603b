package org.pramaan.issuer.seal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.contract.issuer.SignerKey;
import org.pramaan.issuer.certificate.LedgerSigners;
import org.pramaan.issuer.certificate.SignerKeys;
import org.springframework.http.CacheControl;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CRL of department signing certificates at the address in their CRL distribution point, made from
 * the ledger's key status as this service last read it ({@link LedgerSigners}, kept current by
 * {@code IssuerChanged} events): a key the ledger lists as revoked is on the list from its revocation
 * instant, so a PDF reader that checks revocation agrees with the verifier. Signed by the development
 * root, so served only with development keys; in production the state CA publishes the CRL.
 */
@RestController
public class RevocationListController {

    private static final MediaType CRL = MediaType.parseMediaType("application/pkix-crl");

    private final SignerKeys keys;
    private final LedgerSigners ledger;
    private final Clock clock;
    /** CRL numbers only grow: the clock's seconds, kept above the last one issued. */
    private final AtomicLong number = new AtomicLong();

    public RevocationListController(SignerKeys keys, LedgerSigners ledger, Clock clock) {
        this.keys = keys;
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping(SignerKeys.CRL_PATH)
    public ResponseEntity<?> revocationList() {
        if (keys.developmentRoot().isEmpty()) {
            return Problems.answer(ProblemCode.NOT_FOUND,
                    "the state CA publishes the CRL of department certificates; this service signs none");
        }
        Instant now = clock.instant();
        long serial = number.updateAndGet(last -> Math.max(last + 1, now.getEpochSecond()));
        return ResponseEntity.ok().contentType(CRL).cacheControl(CacheControl.maxAge(RevocationList.NEXT_UPDATE))
                .body(RevocationList.build(keys.developmentRoot().get(), revoked(), now, serial));
    }

    private List<RevocationList.Revoked> revoked() {
        List<RevocationList.Revoked> revoked = new ArrayList<>();
        for (var department : ledger.departments()) {
            for (IssuerRecord record : ledger.record(department).stream().toList()) {
                for (SignerKey key : record.signers()) {
                    if (key.revokedFrom() != null) {
                        revoked.add(new RevocationList.Revoked(serial(key.certificate()), key.revokedFrom(),
                                key.revocationReason() == null ? null : key.revocationReason().name()));
                    }
                }
            }
        }
        return revoked;
    }

    private static java.math.BigInteger serial(String pem) {
        try {
            return ((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
                    .getSerialNumber();
        } catch (CertificateException e) {
            throw new IllegalStateException("the ledger holds a signer certificate that does not parse", e);
        }
    }
}
