package org.pramaan.network.peer;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.pramaan.network.chaincode.ChaincodeConnection;
import org.pramaan.network.chaincode.ChaincodeEndpoint;
import org.pramaan.network.chaincode.ChaincodeLimits;
import org.pramaan.network.identity.NetworkMaterial;

/** The peer's connection to the chaincode server, over TLS rooted in the network's TLS CA. */
public final class ChaincodeLink {

    /** The package id the chaincode server registers with when none is configured. */
    public static final String DEFAULT_PACKAGE_ID = "pramaan_1:development";

    private ChaincodeLink() {
    }

    public static ChaincodeConnection open(NetworkMaterial material, String address, String packageId, String chaincode,
                                           io.micrometer.core.instrument.MeterRegistry meters) throws IOException {
        String root = Files.readString(material.tlsRootFile());
        ChaincodeEndpoint endpoint = ChaincodeEndpoint.tls(address, root, packageId, chaincode)
                .withDialTimeout(Duration.ofSeconds(10));
        return ChaincodeConnection.open(endpoint, ChaincodeLimits.defaults(), meters);
    }
}
