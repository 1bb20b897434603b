package org.pramaan.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.ledger.LedgerFixtures;

class ConnectionProfileTest {

    @TempDir
    Path folder;

    @Test
    void readsPeersAndLoadsIdentitiesRelativeToTheFile() {
        Path file = ConnectionFiles.write(folder, "127.0.0.1:7051", ConnectionFiles.fixtureIdentities());

        ConnectionProfile profile = ConnectionProfile.read(file);

        assertThat(profile.channel()).isEqualTo("certificates");
        assertThat(profile.chaincode()).isEqualTo("pramaan");
        assertThat(profile.peers()).singleElement().satisfies(peer -> {
            assertThat(peer.endpoint()).isEqualTo("127.0.0.1:7051");
            assertThat(peer.hostOverride()).isEqualTo("peer0.gov.pramaan.local");
            assertThat(peer.tlsRootCert()).isEqualTo(folder.toAbsolutePath().resolve("tls/ca.pem"));
        });
        assertThat(profile.identityNames()).containsExactly("HLT", "REV", "admin", "auditor", "verifier");
        assertThat(profile.identity("REV").certificate()).isEqualTo(LedgerFixtures.REV_ISSUER.certificate());
        assertThat(profile.identity("auditor").mspId()).isEqualTo("AuditMSP");
    }

    @Test
    void anUnknownIdentityIsRefusedNamingTheKnownOnes() {
        ConnectionProfile profile = ConnectionProfile.read(
                ConnectionFiles.write(folder, "127.0.0.1:7051", ConnectionFiles.fixtureIdentities()));

        assertThatThrownBy(() -> profile.identity("EDU"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no identity 'EDU'")
                .hasMessageContaining("known: HLT, REV, admin, auditor, verifier");
    }

    @Test
    void malformedFilesAreRefusedNamingTheField() throws IOException {
        Path file = ConnectionFiles.write(folder, "127.0.0.1:7051", ConnectionFiles.fixtureIdentities());
        String good = Files.readString(file);

        assertRefused(file, good.replace("\"chaincode\":\"pramaan\",", ""), "chaincode is missing");
        assertRefused(file, good.replace("\"chaincode\"", "\"chaincod\":\"x\",\"chaincode\""), "chaincod is not a known field");
        assertRefused(file, good.replace("127.0.0.1:7051", "127.0.0.1"), "peers[0].endpoint must be host:port");
        assertRefused(file, good.replace("127.0.0.1:7051", "127.0.0.1:70510"), "peers[0].endpoint must be host:port");
        assertRefused(file, good.replace("\"peers\":[", "\"peers\":[7,"), "peers[0] must be a JSON object");
        assertRefused(file, good.replace("REV/key.pem", "REV/missing.pem"), "identities.REV.privateKey names");
        assertRefused(file, good.replace("\"REV\":{\"mspId\":\"GovMSP\"", "\"REV\":{\"mspId\":7"),
                "identities.REV.mspId must be a non-blank string");
        assertRefused(file, good.replace("\"auditor\":", "\"the auditor\":"), "identities.the auditor is not an identity name");
        assertRefused(file, good.replace("{\"channel\":\"certificates\",", "{\"channel\":\"certificates\",\"channel\":\"x\","),
                "Duplicate field 'channel'");
        assertRefused(file, good + "x", "not valid JSON");
        assertRefused(file, " ".repeat((int) ConnectionProfile.MAX_FILE_BYTES) + good, "more than the");
    }

    private static void assertRefused(Path file, String content, String message) throws IOException {
        Files.writeString(file, content);
        assertThatThrownBy(() -> ConnectionProfile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connection file " + file.toAbsolutePath())
                .hasMessageContaining(message);
    }
}
