package org.pramaan.service.database;

import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code backup DATABASE_URL DATA_DIR TARGET} and {@code restore BACKUP DATA_DIR}: what
 * {@code ./pramaan backup} and {@code ./pramaan restore} run for the embedded PostgreSQL.
 */
public final class DatabaseBackupMain {

    private DatabaseBackupMain() {
    }

    public static void main(String[] args) {
        try {
            if (args.length == 4 && args[0].equals("backup")) {
                PhysicalBackup.Taken taken = PhysicalBackup.backup(DatabaseUrl.parse(args[1]), Path.of(args[2]),
                        Path.of(args[3]), Clock.systemUTC());
                System.out.println("Backed up " + taken.files() + " files into " + taken.folder() + " (" + taken.label() + ")");
            } else if (args.length == 3 && args[0].equals("restore")) {
                Path aside = PhysicalBackup.restore(Path.of(args[1]), Path.of(args[2]), Clock.systemUTC());
                System.out.println("Restored " + args[1] + " into " + args[2]
                        + (aside == null ? "" : "; the folder it replaced is kept as " + aside));
            } else {
                System.err.println("usage: backup DATABASE_URL DATA_DIR TARGET | restore BACKUP DATA_DIR");
                System.exit(2);
            }
        } catch (RuntimeException e) {
            System.err.println("pramaan: " + e.getMessage());
            System.exit(1);
        }
    }
}
