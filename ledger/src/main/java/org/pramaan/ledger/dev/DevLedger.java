package org.pramaan.ledger.dev;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.pramaan.chaincode.CertificateContract;
import org.pramaan.chaincode.ContractSettings;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;
import org.pramaan.ledger.contract.ContractLedger;
import org.pramaan.ledger.identity.LedgerIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded ledger for a laptop or a demo: the real contract classes, run in-process against
 * world state in PostgreSQL (schema {@code devledger}) with a hash-chained block log and read-set
 * validation, so several processes sharing the database see one ledger and conflict as they
 * would on Fabric. It has no consensus and no endorsement: any process with the database
 * password can write anything. It says so when it opens.
 */
public final class DevLedger {

    private static final Logger LOG = LoggerFactory.getLogger(DevLedger.class);

    /**
     * How a DevLedger behaves.
     *
     * @param organisations     MSP id to its CA certificates: an identity must chain to its MSP's CA,
     *                          as a peer's MSP would require
     * @param channel           the channel name the contract sees
     * @param eventPollInterval how often subscriptions look for new blocks
     * @param contract          the contract's own settings (batch limit)
     */
    public record Settings(Map<String, List<X509Certificate>> organisations, String channel, Duration eventPollInterval,
                           ContractSettings contract) {

        public Settings {
            organisations = Map.copyOf(organisations);
        }

        public static Settings of(Map<String, List<X509Certificate>> organisations) {
            return new Settings(organisations, "certificates", Duration.ofMillis(200),
                    ContractSettings.defaults());
        }
    }

    private DevLedger() {
    }

    /** Migrates the {@code devledger} schema and opens the ledger as {@code identity}. */
    public static Ledger open(DataSource dataSource, LedgerIdentity identity, Settings settings, Clock clock) {
        requireMember(identity, settings.organisations());
        migrate(dataSource);
        LOG.warn("DevLedger: the contract runs in this process on PostgreSQL, without consensus or endorsement;"
                + " for a laptop and tests only, never for certificates anyone relies on");
        DevTransactor transactor = new DevTransactor(dataSource, identity,
                new ContractDispatcher(new CertificateContract(settings.contract())), clock, settings.channel(),
                settings.eventPollInterval());
        return new ContractLedger(transactor);
    }

    /** Creates or upgrades the schema; safe to run from several processes at once. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("devledger")
                .defaultSchema("devledger")
                .locations("classpath:db/devledger")
                .load()
                .migrate();
    }

    /** The check a peer's MSP makes of every proposal's creator: a member, by a known CA. */
    private static void requireMember(LedgerIdentity identity, Map<String, List<X509Certificate>> organisations) {
        List<X509Certificate> roots = organisations.get(identity.mspId());
        if (roots == null || roots.isEmpty()) {
            throw new LedgerException(LedgerErrorCode.FORBIDDEN, null, "identity " + identity
                    + " belongs to no organisation of this ledger (known: " + organisations.keySet() + ")");
        }
        try {
            Set<TrustAnchor> anchors = roots.stream().map(r -> new TrustAnchor(r, null)).collect(Collectors.toSet());
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(identity.certificate())), parameters);
        } catch (GeneralSecurityException e) {
            throw new LedgerException(LedgerErrorCode.FORBIDDEN, null, "identity " + identity
                    + " is not certified by a CA of " + identity.mspId() + ": " + e.getMessage(), e);
        }
    }
}
