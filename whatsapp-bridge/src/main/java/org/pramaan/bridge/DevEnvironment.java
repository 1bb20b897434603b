package org.pramaan.bridge;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.service.devsettings.DevSettingsFile;

/**
 * Development settings shared through {@code ${PRAMAAN_HOME:-.pramaan}/dev.env} ({@link DevSettingsFile}): the
 * bridge writes its secrets there once when they are not set, and reads what the other services wrote (issuer
 * client, verifier API key). Real environment variables always win.
 */
public final class DevEnvironment {

    static final List<String> OWN = List.of("WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN", "WHATSAPP_PHONE_NUMBER_ID",
            "BRIDGE_TOKEN");

    private DevEnvironment() {
    }

    /** Reads dev.env, adds any of our own settings missing from both it and the environment, returns them all. */
    public static synchronized Map<String, Object> load(Path file, Map<String, String> environment) {
        DevSettingsFile settings = new DevSettingsFile(file);
        Map<String, String> values = settings.read();
        Map<String, String> added = new LinkedHashMap<>();
        SecureRandom random = new SecureRandom();
        for (String name : OWN) {
            if (environment.containsKey(name) || values.containsKey(name)) {
                continue;
            }
            String value = switch (name) {
                case "WHATSAPP_PHONE_NUMBER_ID" -> "100000000000001";
                default -> HexFormat.of().formatHex(bytes(random));
            };
            added.put(name, value);
        }
        settings.put(added);
        values.putAll(added);
        Map<String, Object> result = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!environment.containsKey(k)) {
                result.put(k, v);
            }
        });
        return result;
    }

    private static byte[] bytes(SecureRandom random) {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return b;
    }
}
