package org.pramaan.verifier.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.event.CertificateEvents;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.ledger.LedgerEvent;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger client checkpoints an event after the follower's handler returns, so an event applied just before the
 * verifier was killed (kill -9) comes again after the restart: FaultDrillsIT caught one applied twice. Its effect and
 * its transaction id are written in one database transaction, so the second delivery changes nothing.
 */
class RedeliveredEventTest extends VerifierIntegrationTest {

    @Autowired
    LedgerFollower follower;

    @Test
    void anEventDeliveredAgainIsAppliedOnce() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String marker = "redelivery_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("CREATE TABLE public." + marker + " (certificate_id text)");
        jdbc.execute("CREATE FUNCTION public." + marker + "() RETURNS trigger AS $$ BEGIN INSERT INTO public." + marker
                + " VALUES (NEW.certificate_id); RETURN NEW; END $$ LANGUAGE plpgsql");
        jdbc.execute("CREATE TRIGGER " + marker + " BEFORE INSERT ON verifier.anchor FOR EACH ROW EXECUTE FUNCTION public."
                + marker + "()");
        try {
            DepartmentCode revenue = DepartmentCode.of("REV");
            CertificateId id = CertificateId.generate(revenue, "INC", Year.now());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            LedgerEvent.CertificateIssued issued = new LedgerEvent.CertificateIssued(new CertificateEvents.Issued(revenue,
                    List.of(id), now, List.of(new CertificateEvents.Anchored(id, ClaimsHash.of("ab".repeat(32)),
                    now.plus(365, ChronoUnit.DAYS)))), "tx-" + UUID.randomUUID(), 1_000_000L);

            follower.onEvent(issued);
            follower.onEvent(issued);

            assertThat(jdbc.queryForObject("SELECT count(*) FROM public." + marker + " WHERE certificate_id = ?",
                    Long.class, id.value())).as("inserts into verifier.anchor for one event delivered twice").isOne();
        } finally {
            jdbc.execute("DROP TRIGGER " + marker + " ON verifier.anchor");
            jdbc.execute("DROP FUNCTION public." + marker + "()");
            jdbc.execute("DROP TABLE public." + marker);
        }
    }
}
