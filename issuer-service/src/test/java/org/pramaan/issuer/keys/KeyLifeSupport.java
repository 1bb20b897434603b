package org.pramaan.issuer.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.credential.CredentialCheck;
import org.pramaan.credential.CredentialVerifier;
import org.pramaan.credential.TrustList;
import org.pramaan.credential.TrustedSigner;
import org.pramaan.credential.keys.KeyFiles;

/** What the key tests share: their own home's sign-ins, and a verifier's check against the ledger's keys. */
final class KeyLifeSupport {

    private KeyLifeSupport() {
    }

    static Map<String, String> devEnv(Path home) {
        try {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(home.resolve("dev.env"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^'|'$", ""));
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A credential checked as the verifier does: the signer keys as the ledger lists them, under the home's root CA. */
    static CredentialCheck verify(Path home, IssuerRecord department, String qrText) {
        try {
            X509Certificate root = KeyFiles.readCertificate(home.resolve("keys").resolve("root-ca.pem"));
            List<TrustedSigner> signers = department.signers().stream()
                    .map(k -> new TrustedSigner(department.department(), KeyFiles.parseCertificate(k.certificate()),
                            Optional.ofNullable(k.revokedFrom())))
                    .toList();
            return new CredentialVerifier(TrustList.build(root, signers), Clock.systemUTC()).verify(qrText);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempHome(String prefix) {
        return org.pramaan.issuer.support.TestHome.create(prefix);
    }
}
