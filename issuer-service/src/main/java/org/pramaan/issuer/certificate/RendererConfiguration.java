package org.pramaan.issuer.certificate;

import java.nio.file.Path;
import org.pramaan.issuer.pdf.CertificateFonts;
import org.pramaan.issuer.pdf.CertificatePdfRenderer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The PDF renderer, with the Noto fonts from {@code CERTIFICATE_FONTS_DIR} or the system's. */
@Configuration(proxyBeanMethods = false)
public class RendererConfiguration {

    @Bean
    CertificateRenderer certificateRenderer(@Value("${pramaan.pdf.fonts-directory:}") String fontsDirectory) {
        CertificateFonts fonts = fontsDirectory.isBlank() ? CertificateFonts.discover()
                : CertificateFonts.in(Path.of(fontsDirectory)).requireReadable();
        return new CertificatePdfRenderer(fonts)::render;
    }
}
