package org.pramaan.verifier.apikey;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pramaan.service.devsettings.DevSettingsFile;
import org.pramaan.verifier.config.VerifierProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On a first start, makes an administrator key and the WhatsApp bridge's key and writes them to
 * {@code $PRAMAAN_HOME/dev.env} ({@link DevSettingsFile}), so the run script can hand them to the other
 * services; the log names the variables and the file, never the values. Later starts find the keys and leave
 * everything alone. A bridge key given in
 * {@code VERIFIER_API_KEY_BRIDGE} (the run script makes one for both services) is used as is.
 */
@Component
public class DevApiKeys {

    static final String ADMIN = "dev-admin";
    static final String BRIDGE = "whatsapp-bridge";
    private static final Logger LOG = LoggerFactory.getLogger(DevApiKeys.class);

    private final ApiKeys keys;
    private final VerifierProperties properties;

    public DevApiKeys(ApiKeys keys, VerifierProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void createOnFirstStart() {
        Map<String, String> lines = new LinkedHashMap<>();
        if (!keys.exists(ADMIN)) {
            IssuedApiKey admin = keys.issue(ADMIN, ApiKeyRole.ADMIN, 600);
            lines.put("VERIFIER_ADMIN_KEY", admin.secret());
        }
        String given = properties.bridgeKey();
        if (!given.isEmpty()) {
            // The run script made the bridge's key and gave it to both services: use it as is.
            if (!keys.hasSecret(BRIDGE, given)) {
                keys.issueWithSecret(BRIDGE, ApiKeyRole.CLIENT, properties.keyPerMinute(), given);
                LOG.info("the bridge's API key is the one given in VERIFIER_API_KEY_BRIDGE");
            }
        } else if (!keys.exists(BRIDGE)) {
            IssuedApiKey bridge = keys.issue(BRIDGE, ApiKeyRole.CLIENT, properties.keyPerMinute());
            lines.put("VERIFIER_API_KEY_BRIDGE", bridge.secret());
        }
        if (lines.isEmpty()) {
            return;
        }
        DevSettingsFile settings = DevSettingsFile.in(properties.home());
        settings.put(lines);
        // Names only: a secret in a log outlives every rotation of it; the values are in dev.env (mode 600).
        LOG.warn("Created development API keys {}: the values are in {}", lines.keySet(), settings.path());
    }
}
