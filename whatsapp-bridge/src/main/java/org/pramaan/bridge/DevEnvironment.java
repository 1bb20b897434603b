package org.pramaan.bridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Development settings shared through {@code ${PRAMAAN_HOME:-.pramaan}/dev.env} (shell assignments): the bridge
 * writes its secrets there once when they are not set, and reads what the other services wrote (issuer client,
 * verifier API key). Real environment variables always win.
 */
public final class DevEnvironment {

    static final List<String> OWN = List.of("WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN", "WHATSAPP_PHONE_NUMBER_ID",
            "BRIDGE_TOKEN");
    private static final Pattern LINE = Pattern.compile("^(?:export\\s+)?([A-Z][A-Z0-9_]*)=(['\"]?)(.*)\\2\\s*$");

    private DevEnvironment() {
    }

    /** Reads dev.env, adds any of our own settings missing from both it and the environment, returns them all. */
    public static synchronized Map<String, Object> load(Path file, Map<String, String> environment) {
        Map<String, String> values = read(file);
        StringBuilder added = new StringBuilder();
        SecureRandom random = new SecureRandom();
        for (String name : OWN) {
            if (environment.containsKey(name) || values.containsKey(name)) {
                continue;
            }
            String value = switch (name) {
                case "WHATSAPP_PHONE_NUMBER_ID" -> "100000000000001";
                default -> HexFormat.of().formatHex(bytes(random));
            };
            values.put(name, value);
            added.append(name).append("='").append(value).append("'\n");
        }
        if (!added.isEmpty()) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, added.toString(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write " + file, e);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!environment.containsKey(k)) {
                result.put(k, v);
            }
        });
        return result;
    }

    static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = LINE.matcher(line.strip());
                if (m.matches()) {
                    values.put(m.group(1), m.group(3));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return values;
    }

    private static byte[] bytes(SecureRandom random) {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return b;
    }
}
