package org.pramaan.issuer.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.service.devsettings.DevSettingsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The bearer token for the bridge's internal API: {@code BRIDGE_TOKEN} when set; otherwise, in
 * development, one made on first start, kept in {@code PRAMAAN_HOME/bridge-token} and appended to
 * {@code dev.env} as {@code BRIDGE_TOKEN=...} so that the run script hands the bridge the same one.
 */
@Component
public class BridgeToken {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeToken.class);

    private final String value;

    public BridgeToken(IssuerProperties properties) {
        String configured = properties.bridge().token();
        if (configured != null && !configured.isBlank()) {
            value = configured.strip();
        } else if (properties.devCredentials()) {
            // Another instance on this home may be making it right now: one token for all of them.
            value = org.pramaan.issuer.HomeLock.holding(properties.home(), () -> developmentToken(properties.home()));
        } else {
            throw new IllegalStateException("BRIDGE_TOKEN is not set: the bridge would refuse every delivery notice");
        }
    }

    public String value() {
        return value;
    }

    private static String developmentToken(Path home) {
        Path file = home.resolve("bridge-token");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            // A secret: only this account may read it, as dev.env.
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            DevSettingsFile settings = DevSettingsFile.in(home);
            settings.put(Map.of("BRIDGE_TOKEN", token));
            LOG.warn("made a development BRIDGE_TOKEN (written to {})", settings.path());
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development bridge token in " + file, e);
        }
    }
}
