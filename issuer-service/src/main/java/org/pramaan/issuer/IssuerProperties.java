package org.pramaan.issuer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's settings, bound from environment variables through {@code application.yml}.
 *
 * @param home            state folder ({@code PRAMAAN_HOME}): keys, dev.env, embedded database
 * @param verifierBaseUrl the verifier's public address, the start of every QR text ({@code VERIFIER_BASE_URL})
 * @param publicBaseUrl   this service's own public address, used in the PDF links sent to the bridge
 * @param catalog         where the catalog data lives
 * @param ledger          the Fabric network's connection file, call deadlines and anchoring batches
 * @param keys            signer keys: development keys, or configured files per department
 * @param bridge          where and how to notify the WhatsApp bridge
 * @param devCredentials  whether to create development officers and clients on first start
 */
@ConfigurationProperties("pramaan")
public record IssuerProperties(@DefaultValue(".pramaan") Path home,
                               @DefaultValue("http://localhost:8082") String verifierBaseUrl,
                               @DefaultValue("http://localhost:8081") String publicBaseUrl,
                               @DefaultValue Catalog catalog,
                               @DefaultValue Ledger ledger,
                               @DefaultValue Keys keys,
                               @DefaultValue Bridge bridge,
                               @DefaultValue("true") boolean devCredentials) {

    /** @param location a Spring resource location holding departments.json and services/*.json */
    public record Catalog(@DefaultValue("classpath:catalog") String location) {
    }

    /**
     * @param connection   the Fabric connection file ({@code LEDGER_CONNECTION}; {@code ./pramaan up} writes
     *                     {@code .pramaan/network/connection.json} for the development peer)
     * @param deadlines    per call kind; null parts take the ledger client's defaults
     * @param batchSize    most certificates per ledger transaction
     * @param maxWait      how long a certificate may wait for its batch to fill
     * @param pollInterval how often an idle ledger worker looks for work queued by another process or come due
     *                     (work queued in this process wakes it at once)
     * @param retryBackoff the first wait after a failed submission (doubles, up to 5 minutes)
     * @param workers      threads per ledger queue (anchoring, revocations, holds) in this process; two, so that the
     *                     next batch is submitted while the previous one waits for its commit
     * @param changeBatch  most revocations or holds one thread claims at a time
     * @param lease        how long claimed rows stay a thread's; longer than a batch's ledger calls may take
     *                     (their deadlines), else another worker sends them again (harmless, but wasted)
     */
    public record Ledger(@DefaultValue(".pramaan/network/connection.json") Path connection,
                         @DefaultValue LedgerDeadlines deadlines, @DefaultValue("200") int batchSize,
                         @DefaultValue("200ms") Duration maxWait, @DefaultValue("500ms") Duration pollInterval,
                         @DefaultValue("2s") Duration retryBackoff, @DefaultValue("2") int workers,
                         @DefaultValue("20") int changeBatch, @DefaultValue("2m") Duration lease) {
        public Ledger {
            if (batchSize < 1 || batchSize > 500) {
                throw new IllegalArgumentException("pramaan.ledger.batch-size must be 1..500, got " + batchSize);
            }
            requireWorkers("pramaan.ledger", workers, changeBatch, lease);
        }
    }

    /** How long each kind of ledger call may take ({@code LEDGER_*_TIMEOUT}). */
    public record LedgerDeadlines(Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {
    }

    /**
     * @param development whether to use (and create) development keys under {@code home/keys}
     * @param files       production: department code to its PKCS#12 file; password in {@code passwords}
     * @param passwords   department code to its PKCS#12 password
     */
    public record Keys(@DefaultValue("true") boolean development, Map<String, Path> files, Map<String, String> passwords) {
        public Keys {
            files = files == null ? Map.of() : Map.copyOf(files);
            passwords = passwords == null ? Map.of() : Map.copyOf(passwords);
        }
    }

    /**
     * @param baseUrl      the bridge's address ({@code BRIDGE_BASE_URL})
     * @param token        bearer token for its internal API ({@code BRIDGE_TOKEN})
     * @param pollInterval how often an idle delivery worker looks for work queued elsewhere or come due
     * @param retryBackoff first wait before a failed notification is tried again
     * @param workers      delivery threads in this process
     * @param batch        most notifications one thread claims at a time
     * @param lease        how long claimed notifications stay a thread's; longer than sending a batch may take
     * @param timeout      how long one request to the bridge may take
     */
    public record Bridge(@DefaultValue("http://localhost:8083") String baseUrl, @DefaultValue("") String token,
                         @DefaultValue("500ms") Duration pollInterval, @DefaultValue("1s") Duration retryBackoff,
                         @DefaultValue("1") int workers, @DefaultValue("20") int batch,
                         @DefaultValue("2m") Duration lease, @DefaultValue("10s") Duration timeout) {
        public Bridge {
            requireWorkers("pramaan.bridge", workers, batch, lease);
        }
    }

    private static void requireWorkers(String prefix, int workers, int batch, Duration lease) {
        if (workers < 1 || workers > 64 || batch < 1 || batch > 1000 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException(prefix + ": workers must be 1..64, the batch 1..1000 and the lease"
                    + " positive, got " + workers + ", " + batch + " and " + lease);
        }
    }

    public Path keysFolder() {
        return home.resolve("keys");
    }

}
