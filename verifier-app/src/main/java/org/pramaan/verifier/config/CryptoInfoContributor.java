package org.pramaan.verifier.config;

import org.pramaan.credential.CryptoProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Says in {@code /actuator/info} which provider signs and verifies credentials here: native, or the JDK fallback. */
@Component
public class CryptoInfoContributor implements InfoContributor {

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("crypto", CryptoProvider.active().info());
    }
}
