package org.pramaan.network.chaincode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a chaincode server listens and how to reach it, as a Fabric CCaaS {@code connection.json}
 * says (F core/container/externalbuilder/instance.go): address, dial timeout, TLS and its PEMs,
 * plus what the peer itself knows: the package id the server must register with
 * ({@code CORE_CHAINCODE_ID_NAME}) and the chaincode name clients call (put on its events).
 *
 * <pre>{@code
 * ChaincodeEndpoint endpoint = ChaincodeEndpoint.tls("127.0.0.1:9999", rootCaPem, "pramaan_1:abc", "pramaan")
 *         .withDialTimeout(Duration.ofSeconds(5));
 * }</pre>
 *
 * @param address        {@code host:port} of the chaincode server
 * @param dialTimeout    how long to wait for a connection and its REGISTER
 * @param tlsRequired    whether the server speaks TLS
 * @param rootCertPem    PEM of the CA that signed the server certificate; null without TLS
 * @param clientCertPem  PEM of the peer's client certificate for mutual TLS; null if not used
 * @param clientKeyPem   PKCS#8 PEM key of that certificate; null if not used
 * @param packageId      the id the server registers with (Fabric's package id)
 * @param chaincodeName  the chaincode's name on the channel, e.g. {@code pramaan}
 */
public record ChaincodeEndpoint(String address, Duration dialTimeout, boolean tlsRequired, String rootCertPem,
                                String clientCertPem, String clientKeyPem, String packageId, String chaincodeName) {

    /** Fabric's default when connection.json has no dial_timeout (F core/container/externalbuilder). */
    public static final Duration DEFAULT_DIAL_TIMEOUT = Duration.ofSeconds(3);

    private static final Pattern HOST_PORT = Pattern.compile("^[^\\s:]+:(\\d{1,5})$");
    private static final ObjectMapper JSON = new ObjectMapper();

    public ChaincodeEndpoint {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(dialTimeout, "dialTimeout");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(chaincodeName, "chaincodeName");
        if (!HOST_PORT.matcher(address).matches()) {
            throw new IllegalArgumentException("address must be host:port: " + address);
        }
        if (dialTimeout.isNegative() || dialTimeout.isZero()) {
            throw new IllegalArgumentException("dialTimeout must be positive: " + dialTimeout);
        }
        if (tlsRequired && (rootCertPem == null || rootCertPem.isBlank())) {
            throw new IllegalArgumentException("TLS needs the root certificate that signed the server's");
        }
        if ((clientCertPem == null) != (clientKeyPem == null)) {
            throw new IllegalArgumentException("mutual TLS needs both the client certificate and its key");
        }
        if (clientCertPem != null && !tlsRequired) {
            throw new IllegalArgumentException("a client certificate needs TLS");
        }
        if (packageId.isBlank() || chaincodeName.isBlank()) {
            throw new IllegalArgumentException("packageId and chaincodeName must not be blank");
        }
    }

    /** A server without TLS (a developer's laptop only). */
    public static ChaincodeEndpoint plaintext(String address, String packageId, String chaincodeName) {
        return new ChaincodeEndpoint(address, DEFAULT_DIAL_TIMEOUT, false, null, null, null, packageId, chaincodeName);
    }

    /** A TLS server whose certificate {@code rootCertPem} signed. */
    public static ChaincodeEndpoint tls(String address, String rootCertPem, String packageId, String chaincodeName) {
        return new ChaincodeEndpoint(address, DEFAULT_DIAL_TIMEOUT, true, rootCertPem, null, null, packageId,
                chaincodeName);
    }

    /**
     * Reads a CCaaS {@code connection.json}: {@code address}, {@code dial_timeout} ("10s", "500ms", "1m"),
     * {@code tls_required}, {@code root_cert}, and {@code client_cert}/{@code client_key} when
     * {@code client_auth_required}.
     */
    public static ChaincodeEndpoint fromConnectionJson(String json, String packageId, String chaincodeName) {
        try {
            JsonNode node = JSON.readTree(json);
            boolean tls = node.path("tls_required").asBoolean(false);
            boolean mutual = node.path("client_auth_required").asBoolean(false);
            return new ChaincodeEndpoint(node.path("address").asText(""),
                    node.has("dial_timeout") ? goDuration(node.get("dial_timeout").asText()) : DEFAULT_DIAL_TIMEOUT,
                    tls, tls ? node.path("root_cert").asText(null) : null,
                    mutual ? node.path("client_cert").asText(null) : null,
                    mutual ? node.path("client_key").asText(null) : null, packageId, chaincodeName);
        } catch (IOException e) {
            throw new UncheckedIOException("connection.json is not JSON", e);
        }
    }

    public ChaincodeEndpoint withDialTimeout(Duration timeout) {
        return new ChaincodeEndpoint(address, timeout, tlsRequired, rootCertPem, clientCertPem, clientKeyPem,
                packageId, chaincodeName);
    }

    /** Presents {@code certPem} (with its PKCS#8 {@code keyPem}) to a server that requires client authentication. */
    public ChaincodeEndpoint withClientCertificate(String certPem, String keyPem) {
        return new ChaincodeEndpoint(address, dialTimeout, tlsRequired, rootCertPem,
                Objects.requireNonNull(certPem, "certPem"), Objects.requireNonNull(keyPem, "keyPem"),
                packageId, chaincodeName);
    }

    public ChaincodeEndpoint withPackageId(String id) {
        return new ChaincodeEndpoint(address, dialTimeout, tlsRequired, rootCertPem, clientCertPem, clientKeyPem,
                id, chaincodeName);
    }

    public Optional<String> clientCertificate() {
        return Optional.ofNullable(clientCertPem);
    }

    @Override
    public String toString() {
        // No PEMs in logs: the client key is a secret.
        return "ChaincodeEndpoint[" + address + ", tls=" + tlsRequired + ", mutualTls=" + (clientCertPem != null)
                + ", packageId=" + packageId + ", chaincode=" + chaincodeName + "]";
    }

    private static Duration goDuration(String text) {
        Matcher m = Pattern.compile("^(\\d+)(ms|s|m)$").matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("dial_timeout must look like 10s, 500ms or 1m: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
