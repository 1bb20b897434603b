package org.pramaan.service.database;

import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code check DATABASE_URL}, {@code backup DATABASE_URL DATA_DIR TARGET} and {@code restore BACKUP
 * DATA_DIR}: what {@code ./pramaan status}, {@code backup} and {@code restore} run for PostgreSQL.
 */
public final class DatabaseToolMain {

    private DatabaseToolMain() {
    }

    public static void main(String[] args) {
        try {
            if (args.length == 2 && args[0].equals("check")) {
                System.exit(check(DatabaseUrl.parse(args[1])));
            } else if (args.length == 4 && args[0].equals("backup")) {
                PhysicalBackup.Taken taken = PhysicalBackup.backup(DatabaseUrl.parse(args[1]), Path.of(args[2]),
                        Path.of(args[3]), Clock.systemUTC());
                System.out.println("Backed up " + taken.files() + " files into " + taken.folder() + " (" + taken.label() + ")");
            } else if (args.length == 3 && args[0].equals("restore")) {
                Path aside = PhysicalBackup.restore(Path.of(args[1]), Path.of(args[2]), Clock.systemUTC());
                System.out.println("Restored " + args[1] + " into " + args[2]
                        + (aside == null ? "" : "; the folder it replaced is kept as " + aside));
            } else {
                System.err.println("usage: check DATABASE_URL | backup DATABASE_URL DATA_DIR TARGET | restore BACKUP DATA_DIR");
                System.exit(2);
            }
        } catch (RuntimeException e) {
            System.err.println("pramaan: " + e.getMessage());
            System.exit(1);
        }
    }

    /** A real query, not a port check: 0 when PostgreSQL answers within 3 s. */
    private static int check(DatabaseUrl url) {
        java.sql.DriverManager.setLoginTimeout(3);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             java.sql.Statement s = c.createStatement()) {
            s.setQueryTimeout(3);
            s.execute("SELECT 1");
            return 0;
        } catch (java.sql.SQLException e) {
            System.err.println("PostgreSQL does not answer: " + e.getMessage());
            return 1;
        }
    }
}
