package org.pramaan.ledger.fabric;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.pramaan.ledger.identity.LedgerIdentity;

/**
 * The connection file: which channel and chaincode, which peers (with the TLS root that certifies
 * each and the host name in its certificate), and the identities this process may speak as, by
 * name ({@code admin}, a department code such as {@code REV}, {@code verifier}, {@code auditor}).
 * File paths in it are relative to the file. It is read strictly: unknown or missing fields,
 * duplicate keys and malformed values are refused with the field's name.
 *
 * <pre>{@code
 * {"channel":"certificates","chaincode":"pramaan",
 *  "peers":[{"mspId":"GovMSP","endpoint":"127.0.0.1:7051","tlsRootCert":"tls/ca.pem","hostOverride":"peer0.gov.pramaan.local"}],
 *  "identities":{"REV":{"mspId":"GovMSP","certificate":"GovMSP/rev/cert.pem","privateKey":"GovMSP/rev/key.pem"}}}
 * }</pre>
 */
record ConnectionProfile(Path source, String channel, String chaincode, List<Peer> peers,
                         Map<String, IdentityFiles> identities) {

    static final long MAX_FILE_BYTES = 256 * 1024;
    static final int MAX_PEERS = 32;
    static final int MAX_IDENTITIES = 256;

    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9.-]{0,248}");
    private static final Pattern CHAINCODE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]{0,127}");
    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?");
    private static final Pattern IDENTITY_NAME = Pattern.compile("admin|verifier|auditor|[A-Z][A-Z0-9]{1,7}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    ConnectionProfile {
        Objects.requireNonNull(source, "source");
        peers = List.copyOf(peers);
        identities = Map.copyOf(identities);
    }

    /** A peer the gateway connects to. */
    record Peer(String mspId, String endpoint, Path tlsRootCert, String hostOverride) {
    }

    /** Where an identity's certificate and private key are; read only when the identity is used. */
    record IdentityFiles(String mspId, Path certificate, Path privateKey) {
    }

    static ConnectionProfile read(Path file) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath().normalize();
        JsonNode root;
        try {
            long size = Files.size(absolute);
            if (size > MAX_FILE_BYTES) {
                throw invalid(absolute, size + " bytes, more than the " + MAX_FILE_BYTES + " a connection file may have");
            }
            root = JSON.readTree(Files.readAllBytes(absolute));
        } catch (JsonProcessingException e) {
            throw invalid(absolute, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the connection file " + absolute, e);
        }
        return new Reader(absolute).profile(root);
    }

    /** Loads the named identity's certificate and key. */
    LedgerIdentity identity(String name) {
        IdentityFiles files = identities.get(name);
        if (files == null) {
            throw new IllegalArgumentException("no identity '" + name + "' in the connection file " + source
                    + " (known: " + String.join(", ", identityNames()) + ")");
        }
        try {
            return LedgerIdentity.load(files.mspId(), files.certificate(), files.privateKey());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("identity '" + name + "' of the connection file " + source
                    + ": cannot load its certificate " + files.certificate() + " or private key " + files.privateKey()
                    + ": " + e.getMessage(), e);
        }
    }

    Set<String> identityNames() {
        return new TreeMap<>(identities).keySet();
    }

    /** The peer of the identity's own organisation, or else the first peer. */
    Peer peerFor(String mspId) {
        return peers.stream().filter(p -> p.mspId().equals(mspId)).findFirst().orElse(peers.get(0));
    }

    private static IllegalArgumentException invalid(Path file, String problem) {
        return new IllegalArgumentException("connection file " + file + ": " + problem);
    }

    /** Walks the tree, naming each field it refuses. */
    private record Reader(Path file) {

        ConnectionProfile profile(JsonNode root) {
            object(root, "the top level", Set.of("channel", "chaincode", "peers", "identities"), Set.of());
            String channel = text(root, "channel", "channel", CHANNEL);
            String chaincode = text(root, "chaincode", "chaincode", CHAINCODE);
            JsonNode peersNode = root.get("peers");
            if (!peersNode.isArray() || peersNode.isEmpty() || peersNode.size() > MAX_PEERS) {
                throw problem("peers must be an array of 1 to " + MAX_PEERS + " peers");
            }
            List<Peer> peers = new ArrayList<>();
            for (int i = 0; i < peersNode.size(); i++) {
                peers.add(peer(peersNode.get(i), "peers[" + i + "]"));
            }
            JsonNode identitiesNode = root.get("identities");
            if (!identitiesNode.isObject() || identitiesNode.isEmpty() || identitiesNode.size() > MAX_IDENTITIES) {
                throw problem("identities must be an object of 1 to " + MAX_IDENTITIES + " identities by name");
            }
            Map<String, IdentityFiles> identities = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = identitiesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!IDENTITY_NAME.matcher(entry.getKey()).matches()) {
                    throw problem("identities." + entry.getKey()
                            + " is not an identity name (admin, verifier, auditor or a department code such as REV)");
                }
                identities.put(entry.getKey(), identity(entry.getValue(), "identities." + entry.getKey()));
            }
            return new ConnectionProfile(file, channel, chaincode, peers, identities);
        }

        private Peer peer(JsonNode node, String where) {
            object(node, where, Set.of("mspId", "endpoint", "tlsRootCert"), Set.of("hostOverride"));
            String endpoint = text(node, "endpoint", where + ".endpoint", null);
            int colon = endpoint.lastIndexOf(':');
            if (colon <= 0 || !HOST.matcher(endpoint.substring(0, colon)).matches() || !port(endpoint.substring(colon + 1))) {
                throw problem(where + ".endpoint must be host:port, was '" + endpoint + "'");
            }
            String hostOverride = node.has("hostOverride") ? text(node, "hostOverride", where + ".hostOverride", HOST) : null;
            return new Peer(text(node, "mspId", where + ".mspId", MSP_ID), endpoint,
                    file(node, "tlsRootCert", where + ".tlsRootCert"), hostOverride);
        }

        private IdentityFiles identity(JsonNode node, String where) {
            object(node, where, Set.of("mspId", "certificate", "privateKey"), Set.of());
            return new IdentityFiles(text(node, "mspId", where + ".mspId", MSP_ID),
                    file(node, "certificate", where + ".certificate"), file(node, "privateKey", where + ".privateKey"));
        }

        private void object(JsonNode node, String where, Set<String> required, Set<String> optional) {
            if (node == null || !node.isObject()) {
                throw problem(where + " must be a JSON object");
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!required.contains(name) && !optional.contains(name)) {
                    throw problem((where.equals("the top level") ? "" : where + ".") + name + " is not a known field");
                }
            }
            for (String name : new TreeSet<>(required)) {
                if (!node.has(name)) {
                    throw problem((where.equals("the top level") ? "" : where + ".") + name + " is missing");
                }
            }
        }

        private String text(JsonNode node, String field, String where, Pattern format) {
            JsonNode value = node.get(field);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw problem(where + " must be a non-blank string");
            }
            String text = value.asText();
            if (format != null && !format.matcher(text).matches()) {
                throw problem(where + " is malformed: '" + text + "'");
            }
            return text;
        }

        private Path file(JsonNode node, String field, String where) {
            Path path = file.getParent().resolve(text(node, field, where, null)).normalize();
            if (!Files.isRegularFile(path)) {
                throw problem(where + " names " + path + ", which is not a readable file");
            }
            return path;
        }

        private static boolean port(String text) {
            try {
                int port = Integer.parseInt(text);
                return port > 0 && port < 65536;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private IllegalArgumentException problem(String problem) {
            return invalid(file, problem);
        }
    }
}
