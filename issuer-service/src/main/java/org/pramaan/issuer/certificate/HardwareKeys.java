package org.pramaan.issuer.certificate;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signer keys in a hardware module ({@code PKCS11_CONFIG}, {@code PKCS11_PIN}): a SunPKCS11
 * configuration file naming the module's library and slot, and the token's user PIN. Unset, the keys
 * are files (development keys, or PKCS#12 per department).
 */
@ConfigurationProperties("pramaan.keys.pkcs11")
public record HardwareKeys(Path config, String pin) {

    public boolean configured() {
        return config != null && !config.toString().isBlank();
    }
}
