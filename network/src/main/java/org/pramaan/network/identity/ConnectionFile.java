package org.pramaan.network.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code connection.json}: how a client reaches the peer and which identity files it may speak
 * with, paths relative to the file. The ledger module reads exactly this shape:
 * <pre>{@code
 * {"channel":"certificates","chaincode":"pramaan",
 *  "peers":[{"mspId":"GovMSP","endpoint":"127.0.0.1:7051","tlsRootCert":"tls/ca.pem","hostOverride":"peer0.gov.pramaan.local"}],
 *  "identities":{"admin":{"mspId":"GovMSP","certificate":"GovMSP/admin/cert.pem","privateKey":"GovMSP/admin/key.pem"}, ...}}
 * }</pre>
 */
public final class ConnectionFile {

    public static final String NAME = "connection.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConnectionFile() {
    }

    /** Writes {@code connection.json} into the material's folder and returns its path. */
    public static Path write(NetworkMaterial material, String channel, String chaincode, String endpoint) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("channel", channel);
        root.put("chaincode", chaincode);
        ArrayNode peers = root.putArray("peers");
        peers.addObject().put("mspId", NetworkMaterial.GOV).put("endpoint", endpoint)
                .put("tlsRootCert", "tls/ca.pem").put("hostOverride", NetworkMaterial.PEER_HOST);
        ObjectNode identities = root.putObject("identities");
        for (Map.Entry<String, NetworkMaterial.ClientEntry> client : material.clients().entrySet()) {
            String dir = client.getValue().directory().toString().replace('\\', '/');
            identities.putObject(client.getKey()).put("mspId", client.getValue().mspId())
                    .put("certificate", dir + "/cert.pem").put("privateKey", dir + "/key.pem");
        }
        Path file = material.folder().resolve(NAME);
        Files.writeString(file, JSON.writeValueAsString(root));
        return file;
    }
}
