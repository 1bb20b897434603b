package org.pramaan.issuer.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The TrueType files a certificate is set in: Noto Sans for English, Noto Sans Telugu and Noto Sans
 * Devanagari for the citizen's language, each in a regular and a bold weight. The Noto families share
 * their proportions, so a Telugu line and its English translation sit well side by side.
 *
 * <p>Use {@link #discover()} on a machine with Debian's {@code fonts-noto-core}, or
 * {@link #in(Path)} for a directory holding the six files under their Noto names.
 *
 * @param latin          Noto Sans Regular: English text, digits and punctuation
 * @param latinBold      Noto Sans Bold: English department name and title
 * @param telugu         Noto Sans Telugu Regular
 * @param teluguBold     Noto Sans Telugu Bold
 * @param devanagari     Noto Sans Devanagari Regular (Hindi)
 * @param devanagariBold Noto Sans Devanagari Bold
 */
public record CertificateFonts(Path latin, Path latinBold, Path telugu, Path teluguBold, Path devanagari,
                               Path devanagariBold) {

    /** The Debian package that provides the default files. */
    public static final String DEBIAN_PACKAGE = "fonts-noto-core";

    /** Where distributions install the Noto TrueType files, Debian's first. */
    static final List<Path> SYSTEM_DIRECTORIES = List.of(
            Path.of("/usr/share/fonts/truetype/noto"),
            Path.of("/usr/share/fonts/noto"),
            Path.of("/usr/share/fonts/google-noto"),
            Path.of("/usr/share/fonts/TTF"));

    public CertificateFonts {
        Objects.requireNonNull(latin, "latin");
        Objects.requireNonNull(latinBold, "latinBold");
        Objects.requireNonNull(telugu, "telugu");
        Objects.requireNonNull(teluguBold, "teluguBold");
        Objects.requireNonNull(devanagari, "devanagari");
        Objects.requireNonNull(devanagariBold, "devanagariBold");
    }

    /** The six Noto files in one directory, under the names the Noto project gives them. */
    public static CertificateFonts in(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new CertificateFonts(
                directory.resolve("NotoSans-Regular.ttf"), directory.resolve("NotoSans-Bold.ttf"),
                directory.resolve("NotoSansTelugu-Regular.ttf"), directory.resolve("NotoSansTelugu-Bold.ttf"),
                directory.resolve("NotoSansDevanagari-Regular.ttf"), directory.resolve("NotoSansDevanagari-Bold.ttf"));
    }

    /**
     * The system's Noto fonts: the first known font directory that holds all six files.
     *
     * @throws MissingFontException naming the missing file and the package to install
     */
    public static CertificateFonts discover() {
        for (Path directory : SYSTEM_DIRECTORIES) {
            CertificateFonts candidate = in(directory);
            if (candidate.files().values().stream().allMatch(Files::isRegularFile)) {
                return candidate;
            }
        }
        // Report against Debian's layout: that is what CI and the container images install.
        return in(SYSTEM_DIRECTORIES.get(0)).requireReadable();
    }

    /**
     * Checks every file exists and is readable.
     *
     * @return this, for chaining
     * @throws MissingFontException naming the first missing file
     */
    public CertificateFonts requireReadable() {
        files().forEach((role, file) -> {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new MissingFontException(role, file);
            }
        });
        return this;
    }

    /** Each file by the role it plays, in declaration order. */
    Map<String, Path> files() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("latin", latin);
        files.put("latinBold", latinBold);
        files.put("telugu", telugu);
        files.put("teluguBold", teluguBold);
        files.put("devanagari", devanagari);
        files.put("devanagariBold", devanagariBold);
        return files;
    }

    /** A certificate font is missing or unreadable; the message says which file and how to get it. */
    public static final class MissingFontException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        MissingFontException(String role, Path file) {
            super("certificate font '" + role + "' not found or not readable: " + file
                    + " (install the Debian package " + DEBIAN_PACKAGE + ": apt-get install -y " + DEBIAN_PACKAGE
                    + ", or configure the font paths)");
        }
    }
}
