package org.pramaan.service.devsettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSettingsFileTest {

    /** Values a careless writer would let the shell expand, split or end early. */
    private static final Map<String, String> HOSTILE = hostile();

    @TempDir
    Path home;

    private static Map<String, String> hostile() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("SINGLE", "it's 'quoted'");
        values.put("DOUBLE", "say \"hi\"");
        values.put("DOLLAR", "$HOME ${PATH} $(id)");
        values.put("BACKTICK", "`touch pwned`");
        values.put("BACKSLASH", "a\\b\\'c\\");
        values.put("SPACES", "  two  spaces ;& | < > * ? ~ # ");
        values.put("ONLY_QUOTE", "'");
        values.put("EMPTY", "");
        values.put("UNICODE", "తెలుగు हिंदी");
        return values;
    }

    @Test
    void hostileValuesComeBackExactlyThroughJavaAndThroughBashSource() throws Exception {
        DevSettingsFile settings = DevSettingsFile.in(home);
        settings.put(HOSTILE);

        assertThat(settings.read()).containsExactlyEntriesOf(HOSTILE);
        for (Map.Entry<String, String> entry : HOSTILE.entrySet()) {
            assertThat(bashSees(settings.path(), entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue());
        }
        assertThat(home.resolve("pwned")).doesNotExist();
    }

    @Test
    void newlinesCarriageReturnsAndNulAreRefusedAndNothingIsWritten() {
        DevSettingsFile settings = DevSettingsFile.in(home);
        for (String bad : List.of("a\nB=c", "a\rb", "a\0b")) {
            assertThatThrownBy(() -> settings.put(Map.of("OK", "fine", "BAD", bad)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BAD")
                    .hasMessageNotContaining(bad);
        }
        assertThatThrownBy(() -> settings.put(Map.of("lower", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.put(Map.of("A B", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.path()).doesNotExist();
    }

    @Test
    void ownerOnlyReplacedInPlaceAndNoTemporaryFileLeft() throws IOException {
        Path file = home.resolve("sub/dev.env");
        // What ./pramaan writes itself, a comment and an older double-quoted line are kept.
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# made by hand\nBRIDGE_TOKEN=abc123\nexport OLD=\"k1\"\nISSUER_ADMIN_PASSWORD='first'\n");
        DevSettingsFile settings = new DevSettingsFile(file);

        settings.put(Map.of("ISSUER_ADMIN_PASSWORD", "second", "NEW", "n"));

        assertThat(Files.readAllLines(file)).containsExactly("# made by hand", "BRIDGE_TOKEN=abc123", "export OLD=\"k1\"",
                "ISSUER_ADMIN_PASSWORD='second'", "NEW='n'");
        assertThat(settings.read()).containsExactly(Map.entry("BRIDGE_TOKEN", "abc123"), Map.entry("OLD", "k1"),
                Map.entry("ISSUER_ADMIN_PASSWORD", "second"), Map.entry("NEW", "n"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("dev.env", "dev.env.lock");
        }
    }

    @Test
    void aLineTheShellWouldExpandIsAnErrorNamingTheLineNotTheValue() throws IOException {
        Files.writeString(home.resolve("dev.env"), "A='ok'\nSECRET=$(cat /etc/passwd)\n");
        assertThatThrownBy(() -> DevSettingsFile.in(home).read()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2").hasMessageNotContaining("passwd");
    }

    @Test
    void writersInParallelLoseNoLine() throws Exception {
        DevSettingsFile settings = DevSettingsFile.in(home);
        List<Thread> writers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "WRITER_" + i;
            Thread writer = new Thread(() -> {
                for (int j = 0; j < 20; j++) {
                    settings.put(Map.of(name + "_" + j, "v" + j));
                }
            });
            writer.start();
            writers.add(writer);
        }
        for (Thread writer : writers) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertThat(settings.read()).hasSize(160).containsEntry("WRITER_7_19", "v19");
    }

    /** What {@code ./pramaan} gets: the file sourced by bash, the variable printed without interpretation. */
    private static String bashSees(Path file, String name) throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", "set -a; . \"$0\"; printf '%s' \"${!1}\"", file.toString(), name)
                .redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(out).isZero();
        return out;
    }
}
