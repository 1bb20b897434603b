package org.pramaan.network.chaincode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run a chaincode server jar as an operator runs chaincode as a service. Build with
 * {@link #builder(Path, int, String)}; see {@link ChaincodeServerProcess}.
 *
 * @param serverJar      the runnable jar (main {@code ContractRouter})
 * @param host           address the server binds, e.g. {@code 127.0.0.1}
 * @param port           port it listens on; the same on every restart
 * @param packageId      {@code CORE_CHAINCODE_ID_NAME}: the id it registers with
 * @param mspId          {@code CORE_PEER_LOCALMSPID}
 * @param tls            its TLS key material, or empty for plaintext
 * @param workDirectory  where its log file and derived TLS files go
 * @param startupTimeout how long it may take to listen
 * @param jvmOptions     options before {@code -jar}
 * @param environment    extra environment variables (e.g. {@code PRAMAAN_MAX_BATCH})
 */
public record ChaincodeServerSettings(Path serverJar, String host, int port, String packageId, String mspId,
                                      Optional<ServerTls> tls, Path workDirectory, Duration startupTimeout,
                                      List<String> jvmOptions, Map<String, String> environment) {

    public ChaincodeServerSettings {
        Objects.requireNonNull(serverJar, "serverJar");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
    }

    public static Builder builder(Path serverJar, int port, String packageId) {
        return new Builder(serverJar, port, packageId);
    }

    /** {@code host:port}, as CHAINCODE_SERVER_ADDRESS and connection.json's address. */
    public String address() {
        return host + ":" + port;
    }

    /**
     * The server's TLS files: its certificate and PKCS#8 key (PEM), and the root certificate the
     * shim insists on being given (S/shim/ChaincodeBase.java validateOptions).
     */
    public record ServerTls(Path certificatePem, Path privateKeyPem, Path rootCertificatePem) {
        public ServerTls {
            Objects.requireNonNull(certificatePem, "certificatePem");
            Objects.requireNonNull(privateKeyPem, "privateKeyPem");
            Objects.requireNonNull(rootCertificatePem, "rootCertificatePem");
        }
    }

    /** Defaults: 127.0.0.1, GovMSP, plaintext, a temp work directory, 60 s to start, a small JVM. */
    public static final class Builder {
        private final Path serverJar;
        private final int port;
        private final String packageId;
        private String host = "127.0.0.1";
        private String mspId = "GovMSP";
        private ServerTls tls;
        private Path workDirectory = Path.of(System.getProperty("java.io.tmpdir"), "pramaan-chaincode");
        private Duration startupTimeout = Duration.ofSeconds(60);
        private List<String> jvmOptions = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        private Map<String, String> environment = Map.of();

        private Builder(Path serverJar, int port, String packageId) {
            this.serverJar = Objects.requireNonNull(serverJar, "serverJar");
            this.port = port;
            this.packageId = Objects.requireNonNull(packageId, "packageId");
        }

        public Builder host(String value) {
            host = Objects.requireNonNull(value, "host");
            return this;
        }

        public Builder mspId(String value) {
            mspId = Objects.requireNonNull(value, "mspId");
            return this;
        }

        public Builder tls(ServerTls value) {
            tls = Objects.requireNonNull(value, "tls");
            return this;
        }

        public Builder workDirectory(Path value) {
            workDirectory = Objects.requireNonNull(value, "workDirectory");
            return this;
        }

        public Builder startupTimeout(Duration value) {
            startupTimeout = Objects.requireNonNull(value, "startupTimeout");
            return this;
        }

        public Builder jvmOptions(List<String> value) {
            jvmOptions = Objects.requireNonNull(value, "jvmOptions");
            return this;
        }

        public Builder environment(Map<String, String> value) {
            environment = Objects.requireNonNull(value, "environment");
            return this;
        }

        public ChaincodeServerSettings build() {
            return new ChaincodeServerSettings(serverJar, host, port, packageId, mspId, Optional.ofNullable(tls),
                    workDirectory, startupTimeout, jvmOptions, environment);
        }
    }
}
