package org.pramaan.issuer.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fresh SoftHSM2 token for a test, and the SunPKCS11 configuration file that opens it. SoftHSM2
 * reads {@code SOFTHSM2_CONF} (set for tests by the root pom) when its module loads. Without Debian's
 * {@code softhsm2} this fails with what to install: the tests that need it never skip.
 * (The credential module's Pkcs11SigningTest does the same; test code is not shared between modules.)
 */
public final class SoftHsm {

    public static final String PIN = "1234";
    private static final List<String> LIBRARIES = List.of("/usr/lib/softhsm/libsofthsm2.so",
            "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so", "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
            "/usr/lib64/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so");
    private static final String MISSING = "SoftHSM2 is not installed: run 'apt-get install softhsm2' (.ci/run installs"
            + " it); the PKCS#11 tests need it and do not skip";

    private SoftHsm() {
    }

    /** A new initialised token; returns the SunPKCS11 configuration file for it. */
    public static synchronized Path newToken(String label) throws IOException, InterruptedException {
        Path library = LIBRARIES.stream().map(Path::of).filter(Files::isReadable).findFirst()
                .orElseThrow(() -> new AssertionError(MISSING + " (no libsofthsm2.so in " + LIBRARIES + ")"));
        Path util = Stream.of("/usr/bin/softhsm2-util", "/usr/local/bin/softhsm2-util").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(MISSING + " (no softhsm2-util)"));
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null || conf.isBlank()) {
            throw new AssertionError("SOFTHSM2_CONF is not set: the root pom sets it for tests");
        }
        Path home = Path.of(conf).getParent();
        Path tokens = home.resolve("tokens");
        Files.createDirectories(tokens);
        if (!Files.exists(Path.of(conf))) {
            Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\n", StandardCharsets.UTF_8);
        }
        ProcessBuilder builder = new ProcessBuilder(util.toString(), "--init-token", "--free", "--label", label,
                "--pin", PIN, "--so-pin", "5678").redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("softhsm2-util --init-token failed: " + output);
        }
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
        if (!slot.find()) {
            throw new AssertionError("softhsm2-util named no slot: " + output);
        }
        Path config = home.resolve("pkcs11-" + slot.group(1) + ".cfg");
        Files.writeString(config, "name = Pramaan" + slot.group(1) + "\nlibrary = " + library + "\nslot = "
                + slot.group(1) + "\n", StandardCharsets.UTF_8);
        return config;
    }
}
