package org.pramaan.network.ledger;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings schema {@code devpeer} up to date with the migrations in {@code db/devpeer}. */
public final class PeerDatabase {

    public static final String SCHEMA = "devpeer";

    private PeerDatabase() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/devpeer").load().migrate();
    }
}
