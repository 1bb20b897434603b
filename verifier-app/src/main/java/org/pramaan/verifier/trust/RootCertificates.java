package org.pramaan.verifier.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.pramaan.credential.keys.DevelopmentPki;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.verifier.config.VerifierProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The state root CA the department signers must chain to. It is configuration, never read from the
 * ledger: whoever can write the ledger must not also be able to choose whom the verifier trusts.
 */
@Component
public class RootCertificates {

    private static final Logger LOG = LoggerFactory.getLogger(RootCertificates.class);

    private final List<X509Certificate> roots;

    public RootCertificates(VerifierProperties properties, Clock clock) {
        this.roots = List.of(load(properties, clock));
    }

    public List<X509Certificate> roots() {
        return roots;
    }

    private static X509Certificate load(VerifierProperties properties, Clock clock) {
        try {
            if (!properties.rootCa().isBlank()) {
                return KeyFiles.readCertificate(Path.of(properties.rootCa()));
            }
            Path keys = properties.home().resolve("keys");
            Path pem = keys.resolve("root-ca.pem");
            if (!Files.exists(pem)) {
                // Development only: the issuer makes this root on its first start; make it here so the verifier starts alone too.
                DevelopmentPki.open(keys, List.of(), clock);
                LOG.warn("VERIFIER_ROOT_CA is not set: created a development state root CA at {}", pem.toAbsolutePath());
            }
            return KeyFiles.readCertificate(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state root CA certificate: " + e.getMessage(), e);
        }
    }
}
