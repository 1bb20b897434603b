package org.pramaan.ledger.fabric;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.ledger.LedgerFixtures;
import org.pramaan.ledger.identity.LedgerIdentity;

/** Writes connection files, with their identities' PEM files beside them, for tests. */
final class ConnectionFiles {

    private ConnectionFiles() {
    }

    /** The test organisations' identities, by the names services use. */
    static Map<String, LedgerIdentity> fixtureIdentities() {
        Map<String, LedgerIdentity> identities = new LinkedHashMap<>();
        identities.put("admin", LedgerFixtures.ADMIN);
        identities.put("REV", LedgerFixtures.REV_ISSUER);
        identities.put("HLT", LedgerFixtures.HLT_ISSUER);
        identities.put("verifier", LedgerFixtures.VERIFIER);
        identities.put("auditor", LedgerFixtures.AUDITOR);
        return identities;
    }

    /** A connection file for one peer at {@code endpoint}, trusted through the GovMSP CA, in {@code folder}. */
    static Path write(Path folder, String endpoint, Map<String, LedgerIdentity> identities) {
        try {
            KeyFiles.writeCertificate(LedgerFixtures.GOV_CA.certificate(), folder.resolve("tls/ca.pem"));
            String entries = identities.entrySet().stream().map(e -> {
                String dir = e.getValue().mspId() + "/" + e.getKey();
                write(e.getValue(), folder.resolve(dir));
                return "\"" + e.getKey() + "\":{\"mspId\":\"" + e.getValue().mspId() + "\",\"certificate\":\"" + dir
                        + "/cert.pem\",\"privateKey\":\"" + dir + "/key.pem\"}";
            }).collect(Collectors.joining(","));
            String json = "{\"channel\":\"certificates\",\"chaincode\":\"pramaan\",\"peers\":[{\"mspId\":\"GovMSP\","
                    + "\"endpoint\":\"" + endpoint + "\",\"tlsRootCert\":\"tls/ca.pem\",\"hostOverride\":\"peer0.gov.pramaan.local\"}],"
                    + "\"identities\":{" + entries + "}}";
            Path file = folder.resolve("connection.json");
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(LedgerIdentity identity, Path dir) {
        try {
            KeyFiles.writeCertificate(identity.certificate(), dir.resolve("cert.pem"));
            KeyFiles.writePrivateKey(identity.privateKey(), dir.resolve("key.pem"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
