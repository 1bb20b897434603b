package org.pramaan.service.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consistent copy of the embedded PostgreSQL's data folder taken while it runs, and its restore:
 * PostgreSQL's low-level base backup ({@code pg_backup_start}, copy the files, {@code pg_backup_stop},
 * keep the label and the WAL written meanwhile). On restore PostgreSQL replays that WAL from the
 * label's checkpoint, so the copy is as of the end of the backup, whatever was written during it.
 *
 * <p>Done in Java because the embedded server ships no {@code pg_basebackup} or {@code pg_dump}, and
 * the machine's PostgreSQL 15 tools refuse a newer server. Production databases are not backed up
 * with this: they use continuous archiving and point-in-time recovery (docs/operations.md).
 */
public final class PhysicalBackup {

    private static final Logger LOG = LoggerFactory.getLogger(PhysicalBackup.class);
    /** What PostgreSQL's own base backup leaves out: runtime state, rebuilt or meaningless on restore. */
    private static final Set<String> SKIPPED_CONTENTS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "backup_label.old");
    private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");

    private PhysicalBackup() {
    }

    /** What a backup holds, for the operator's output. */
    public record Taken(Path folder, Instant at, String label, long files) {
    }

    /**
     * Backs up the running server at {@code url} whose data folder is {@code dataDirectory} into
     * {@code target/data} (target must not exist or be empty).
     */
    public static Taken backup(DatabaseUrl url, Path dataDirectory, Path target, Clock clock) {
        Path data = target.resolve("data");
        try {
            requireEmpty(target);
            Files.createDirectories(data);
            Instant at = clock.instant();
            String label = "pramaan backup " + at;
            try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
                try (PreparedStatement start = c.prepareStatement("SELECT pg_backup_start(?, true)")) {
                    start.setString(1, label);
                    start.execute();
                }
                long files = copyTree(dataDirectory, data, true);
                String backupLabel;
                String tablespaceMap;
                try (PreparedStatement stop = c.prepareStatement("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)");
                     ResultSet rs = stop.executeQuery()) {
                    rs.next();
                    backupLabel = rs.getString(1);
                    tablespaceMap = rs.getString(2);
                }
                Files.writeString(data.resolve("backup_label"), backupLabel, StandardCharsets.UTF_8);
                if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                    Files.writeString(data.resolve("tablespace_map"), tablespaceMap, StandardCharsets.UTF_8);
                }
                // After the stop: every segment from the label's checkpoint to the backup's end is written.
                files += copyWal(dataDirectory.resolve("pg_wal"), data.resolve("pg_wal"));
                Files.writeString(target.resolve("BACKUP"), "label: " + label + "\nfiles: " + files
                        + "\nrestore: ./pramaan restore " + target + "\n", StandardCharsets.UTF_8);
                LOG.info("backup of {} taken in {} ({} files)", dataDirectory, target, files);
                return new Taken(target, at, label, files);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: PostgreSQL refused (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("backup failed while copying files into " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts a backup back as {@code dataDirectory}; PostgreSQL must be stopped. An existing folder is
     * moved aside (its name gains {@code .before-restore-<time>}), never deleted.
     */
    public static Path restore(Path backup, Path dataDirectory, Clock clock) {
        Path data = backup.resolve("data");
        if (!Files.isRegularFile(data.resolve("backup_label")) || !Files.isRegularFile(data.resolve("PG_VERSION"))) {
            throw new IllegalArgumentException(backup + " is not a Pramaan backup (no data/backup_label)");
        }
        if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            throw new IllegalStateException("PostgreSQL still runs on " + dataDirectory + " (postmaster.pid); stop it first");
        }
        try {
            Path aside = null;
            if (Files.exists(dataDirectory)) {
                aside = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".before-restore-"
                        + clock.instant().toString().replace(':', '-'));
                Files.move(dataDirectory, aside);
            }
            copyTree(data, dataDirectory, false);
            // PostgreSQL refuses a data folder others may read.
            setOwnerOnly(dataDirectory);
            LOG.info("restored {} into {}{}", backup, dataDirectory, aside == null ? "" : " (the old folder is " + aside + ")");
            return aside;
        } catch (IOException e) {
            throw new UncheckedIOException("restore failed: " + e.getMessage(), e);
        }
    }

    private static void requireEmpty(Path target) throws IOException {
        if (Files.exists(target)) {
            try (var entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(target + " is not empty; back up into a new folder");
                }
            }
        }
    }

    /** {@code live}: copying a running server's folder, so its runtime state is left out. */
    private static long copyTree(Path from, Path to, boolean live) throws IOException {
        long[] files = {0};
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                boolean runtimeState = live && !dir.equals(from) && from.relativize(dir).getNameCount() == 1
                        && SKIPPED_CONTENTS.contains(dir.getFileName().toString());
                return runtimeState ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (live && (SKIPPED_FILES.contains(name) && file.getParent().equals(from) || name.startsWith("pgsql_tmp"))) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    files[0]++;
                } catch (NoSuchFileException vanished) {
                    // Dropped while the backup ran: the WAL replayed on restore drops it too.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return files[0];
    }

    private static long copyWal(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        long copied = 0;
        try (var segments = Files.list(from)) {
            for (Path segment : segments.filter(p -> WAL_SEGMENT.matcher(p.getFileName().toString()).matches()).toList()) {
                Files.copy(segment, to.resolve(segment.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                copied++;
            }
        }
        return copied;
    }

    private static void setOwnerOnly(Path dataDirectory) throws IOException {
        try {
            Files.setPosixFilePermissions(dataDirectory, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: nothing to tighten.
        }
    }
}
