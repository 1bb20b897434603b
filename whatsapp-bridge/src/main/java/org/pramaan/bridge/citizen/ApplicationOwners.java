package org.pramaan.bridge.citizen;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which citizen submitted an application through the chat (the issuer knows only the phone number). */
@Repository
public class ApplicationOwners {

    private final JdbcTemplate jdbc;

    public ApplicationOwners(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String applicationId, String citizenId, Instant submittedAt) {
        jdbc.update("INSERT INTO application_owner (application_id, citizen_id, submitted_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (application_id) DO NOTHING", applicationId, citizenId, Timestamp.from(submittedAt));
    }

    public Optional<String> owner(String applicationId) {
        return applicationId == null ? Optional.empty()
                : jdbc.queryForList("SELECT citizen_id FROM application_owner WHERE application_id = ?", String.class,
                        applicationId).stream().findFirst();
    }

    /** A citizen's applications follow them to their new id. */
    public void transfer(String fromCitizenId, String toCitizenId) {
        jdbc.update("UPDATE application_owner SET citizen_id = ? WHERE citizen_id = ?", toCitizenId, fromCitizenId);
    }
}
