package org.pramaan.issuer.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.pramaan.contract.id.DepartmentCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Console users: department officers and state admins, with BCrypt password hashes. */
@Repository
public class Officers {

    /**
     * One officer; {@code department} is null for an admin. {@code designation} (e.g. "Tahsildar, Vijayawada
     * Rural") is printed with the display name on the certificates the officer approves; null when not known.
     */
    public record Officer(String username, String passwordHash, String displayName, DepartmentCode department,
                          boolean admin, String designation) {

        /** Without a designation. */
        public Officer(String username, String passwordHash, String displayName, DepartmentCode department,
                       boolean admin) {
            this(username, passwordHash, displayName, department, admin, null);
        }
    }

    private final JdbcClient jdbc;

    public Officers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Officer> find(String username) {
        return jdbc.sql("SELECT username, password_hash, display_name, department, role, designation"
                        + " FROM issuer.officer WHERE username = ?")
                .param(username)
                .query((rs, n) -> new Officer(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? null : DepartmentCode.of(rs.getString(4)),
                        "ADMIN".equals(rs.getString(5)), rs.getString(6)))
                .optional();
    }

    /** As the certificates an officer approves print them: display name and designation. */
    public Optional<org.pramaan.issuer.pdf.CertificateDocument.Signatory> signatory(String username) {
        return find(username).map(o -> new org.pramaan.issuer.pdf.CertificateDocument.Signatory(o.displayName(),
                o.designation()));
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    public void create(Officer officer, Instant now) {
        jdbc.sql("INSERT INTO issuer.officer (username, password_hash, display_name, department, role, created_at,"
                        + " designation) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(officer.username(), officer.passwordHash(), officer.displayName(),
                        officer.department() == null ? null : officer.department().value(),
                        officer.admin() ? "ADMIN" : "OFFICER", Timestamp.from(now), officer.designation())
                .update();
    }
}
