package org.pramaan.network;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.pramaan.network.ordering.BatchSettings;

/**
 * What a {@link DevNetwork} is made of.
 *
 * @param folder       where the crypto material, connection.json and the chaincode's log go; null: a new temp folder
 * @param departments  department codes that get an issuer identity (role=issuer, dept=code)
 * @param chaincodeJar the chaincode server jar ({@code chaincode/target/pramaan-chaincode-server.jar})
 * @param databaseUrl  the peer's PostgreSQL ({@code DATABASE_URL} form); blank: a throw-away embedded one
 * @param batch        when the orderer cuts blocks; tests want a short timeout
 */
public record DevNetworkSettings(Path folder, List<String> departments, Path chaincodeJar, String databaseUrl,
                                 BatchSettings batch) {

    /** System property naming the chaincode server jar. */
    public static final String CHAINCODE_JAR_PROPERTY = "pramaan.chaincode.jar";
    /** System property with comma-separated department codes for the shared network. */
    public static final String DEPARTMENTS_PROPERTY = "pramaan.network.departments";
    /** The departments of issuer-service's catalogue (catalog/departments.json), for the shared network. */
    public static final List<String> CATALOGUE_DEPARTMENTS = List.of("AGR", "AHF", "BCW", "CAF", "END", "ENR", "EFS",
            "FIN", "GAD", "HLT", "HED", "HOME", "HSG", "IND", "ITE", "LAB", "LAW", "MAUD", "MNW", "PRRD", "PLG", "RTG",
            "REV", "SED", "SKL", "SWD", "TRB", "TWD", "WRD", "WCD", "YTC", "MNG", "LEG", "PUB", "INF", "GSWS");

    public DevNetworkSettings {
        departments = List.copyOf(departments);
        Objects.requireNonNull(chaincodeJar, "chaincodeJar");
        databaseUrl = databaseUrl == null ? "" : databaseUrl;
        Objects.requireNonNull(batch, "batch");
    }

    /**
     * A temp folder, the departments of {@value #DEPARTMENTS_PROPERTY} (default: the catalogue's),
     * the jar of {@value #CHAINCODE_JAR_PROPERTY}, {@code DATABASE_URL} if set, blocks of up to 500
     * transactions cut after 50 ms.
     */
    public static DevNetworkSettings fromSystemProperties() {
        String jar = System.getProperty(CHAINCODE_JAR_PROPERTY);
        if (jar == null || jar.isBlank()) {
            throw new IllegalStateException("system property " + CHAINCODE_JAR_PROPERTY + " must name the chaincode server"
                    + " jar; build it with: mvn -q -B -pl chaincode -am package -DskipTests"
                    + " (it is chaincode/target/pramaan-chaincode-server.jar)");
        }
        String codes = System.getProperty(DEPARTMENTS_PROPERTY, "");
        List<String> departments = codes.isBlank() ? CATALOGUE_DEPARTMENTS
                : Arrays.stream(codes.split(",")).map(String::trim).filter(c -> !c.isEmpty()).toList();
        return new DevNetworkSettings(null, departments, Path.of(jar), System.getenv("DATABASE_URL"),
                new BatchSettings(500, Duration.ofMillis(50)));
    }

    public DevNetworkSettings withFolder(Path value) {
        return new DevNetworkSettings(value, departments, chaincodeJar, databaseUrl, batch);
    }

    public DevNetworkSettings withDepartments(List<String> value) {
        return new DevNetworkSettings(folder, value, chaincodeJar, databaseUrl, batch);
    }

    public DevNetworkSettings withBatch(BatchSettings value) {
        return new DevNetworkSettings(folder, departments, chaincodeJar, databaseUrl, value);
    }
}
