package org.pramaan.service.devsettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The development settings file, {@code $PRAMAAN_HOME/dev.env}: the secrets the services make on a
 * first start (sign-ins, API keys, tokens) as shell assignments that {@code ./pramaan} sources and
 * hands to the other services. This class is its only writer in Java, so there is one quoting rule:
 * <pre>{@code NAME='value'}</pre>
 * with each {@code '} inside the value written {@code '\''}, which bash reads back as exactly the value
 * whatever else it holds ({@code $}, backticks, double quotes, backslashes stay literal). A newline,
 * carriage return or NUL is refused: a line-based reader could not carry it and bash cannot hold NUL.
 *
 * <p>Writes replace a name's line in place or append it, and land atomically (a temporary file moved
 * over the old one), mode 600, under a lock on {@code dev.env.lock} so services starting together do
 * not lose each other's lines. Lines that are not assignments (comments, blank) are kept as they are.
 */
public final class DevSettingsFile {

    /** The file's name in the Pramaan home folder. */
    public static final String FILE_NAME = "dev.env";

    private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
    // NAME=value, optionally after `export `: the value is single-quoted pieces and \' escapes, a bare word of
    // characters the shell leaves alone (what ./pramaan itself writes), or a double-quoted string without
    // anything the shell would expand.
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?:export\\s+)?([A-Z_][A-Z0-9_]*)=((?:'[^']*'|\\\\')+|[A-Za-z0-9_./:@%+,=-]*|\"[^\"$`\\\\]*\")\\s*");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    // One writer at a time within this process; the file lock keeps other processes out.
    private static final Object PROCESS_LOCK = new Object();

    private final Path file;

    public DevSettingsFile(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    /** The file in the Pramaan home folder ({@code PRAMAAN_HOME}). */
    public static DevSettingsFile in(Path home) {
        return new DevSettingsFile(Objects.requireNonNull(home, "home").resolve(FILE_NAME));
    }

    public Path path() {
        return file;
    }

    /** Every assignment in the file, in file order (a later line for the same name wins, as in bash); empty when absent. */
    public Map<String, String> read() {
        synchronized (PROCESS_LOCK) {
            Map<String, String> values = new LinkedHashMap<>();
            List<String> lines = lines();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                Matcher m = ASSIGNMENT.matcher(line);
                if (!m.matches()) {
                    // The line number only: the value may be a secret.
                    throw new IllegalStateException(file + " line " + (i + 1) + " is not NAME='value'");
                }
                values.put(m.group(1), unquote(m.group(2)));
            }
            return values;
        }
    }

    /**
     * Sets each name to its value: its line is replaced where the file has one, else appended.
     *
     * @throws IllegalArgumentException for a name that is not {@code [A-Z_][A-Z0-9_]*} or a value holding a
     *                                  newline, carriage return or NUL; nothing is written then
     */
    public void put(Map<String, String> values) {
        Map<String, String> lines = new LinkedHashMap<>();
        values.forEach((name, value) -> lines.put(name, assignment(name, value)));
        if (lines.isEmpty()) {
            return;
        }
        synchronized (PROCESS_LOCK) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel lockFile = FileChannel.open(file.resolveSibling(FILE_NAME + ".lock"),
                        Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly());
                     FileLock ignored = lockFile.lock()) {
                    write(merge(lines(), lines));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    /** {@code NAME='value'}, the one form this class writes. */
    static String assignment(String name, String value) {
        Objects.requireNonNull(value, "value");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a dev.env name is [A-Z_][A-Z0-9_]*, got " + name);
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " holds a newline, carriage return or NUL; dev.env cannot keep it");
        }
        return name + "='" + value.replace("'", "'\\''") + "'";
    }

    private static String unquote(String raw) {
        if (raw.startsWith("\"")) {
            return raw.substring(1, raw.length() - 1);
        }
        if (!raw.startsWith("'") && !raw.startsWith("\\")) {
            return raw;
        }
        StringBuilder value = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) == '\\') {
                value.append('\'');
                i += 2;
            } else {
                int close = raw.indexOf('\'', i + 1);
                value.append(raw, i + 1, close);
                i = close + 1;
            }
        }
        return value.toString();
    }

    private static List<String> merge(List<String> existing, Map<String, String> wanted) {
        Map<String, String> pending = new LinkedHashMap<>(wanted);
        List<String> out = new ArrayList<>(existing.size() + wanted.size());
        for (String line : existing) {
            Matcher m = ASSIGNMENT.matcher(line.strip());
            if (m.matches() && wanted.containsKey(m.group(1))) {
                // The first line for a name takes the new value; any later duplicate would override it in bash.
                String replacement = pending.remove(m.group(1));
                if (replacement != null) {
                    out.add(replacement);
                }
            } else {
                out.add(line);
            }
        }
        out.addAll(pending.values());
        return out;
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void write(List<String> lines) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME + ".", ".tmp", ownerOnly());
        try {
            Files.write(temporary, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }
}
