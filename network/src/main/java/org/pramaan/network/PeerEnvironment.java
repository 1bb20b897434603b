package org.pramaan.network;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.pramaan.network.ordering.BatchSettings;
import org.pramaan.network.peer.ChaincodeLink;

/**
 * {@code DevPeerMain serve} and {@code audit} settings from the environment, each with a default
 * that runs on a fresh machine.
 */
record PeerEnvironment(Path folder, InetSocketAddress listen, InetSocketAddress operations, String databaseUrl,
                       String chaincodeAddress, String chaincodeId, BatchSettings batch) {

    static PeerEnvironment of(Map<String, String> env) {
        return new PeerEnvironment(
                Path.of(env.getOrDefault("PEER_FOLDER", ".pramaan/network")),
                address(env.getOrDefault("PEER_LISTEN", "127.0.0.1:7051"), "PEER_LISTEN"),
                address(env.getOrDefault("PEER_OPERATIONS", "127.0.0.1:9443"), "PEER_OPERATIONS"),
                env.getOrDefault("DATABASE_URL", ""),
                env.getOrDefault("CHAINCODE_ADDRESS", "127.0.0.1:9999"),
                env.getOrDefault("CHAINCODE_ID", ChaincodeLink.DEFAULT_PACKAGE_ID),
                new BatchSettings(Integer.parseInt(env.getOrDefault("BATCH_MAX_MESSAGES", "500")),
                        duration(env.getOrDefault("BATCH_TIMEOUT", "200ms"), "BATCH_TIMEOUT")));
    }

    /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is not set. */
    Path embeddedDatabase() {
        return folder.resolve("postgres");
    }

    static InetSocketAddress address(String hostPort, String name) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException(name + " must be host:port, got " + hostPort);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** {@code 200ms}, {@code 2s}, {@code 1m}, or ISO-8601 ({@code PT2S}), as Fabric's configtx writes BatchTimeout. */
    static Duration duration(String text, String name) {
        String value = text.trim();
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must be a duration like 200ms or 2s, got " + text, e);
        }
    }
}
