package org.pramaan.issuer.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateFontsTest {

    @Test
    void discoversTheDebianNotoFonts() {
        CertificateFonts fonts = CertificateFonts.discover();

        assertThat(fonts.files().values()).allSatisfy(file -> assertThat(file).isRegularFile());
        assertThat(fonts.telugu().getFileName()).hasToString("NotoSansTelugu-Regular.ttf");
    }

    @Test
    void namesTheMissingFileAndThePackageToInstall(@TempDir Path empty) {
        CertificateFonts fonts = CertificateFonts.in(empty);

        assertThatThrownBy(() -> new CertificatePdfRenderer(fonts))
                .isInstanceOf(CertificateFonts.MissingFontException.class)
                .hasMessageContaining(empty.resolve("NotoSans-Regular.ttf").toString())
                .hasMessageContaining("fonts-noto-core");
    }

    @Test
    void namesTheFirstMissingFileWhenOthersArePresent(@TempDir Path directory) throws Exception {
        CertificateFonts system = CertificateFonts.discover();
        Files.copy(system.latin(), directory.resolve("NotoSans-Regular.ttf"));
        Files.copy(system.latinBold(), directory.resolve("NotoSans-Bold.ttf"));

        assertThatThrownBy(() -> CertificateFonts.in(directory).requireReadable())
                .hasMessageContaining("'telugu'")
                .hasMessageContaining(directory.resolve("NotoSansTelugu-Regular.ttf").toString());
    }

    @Test
    void refusesAFileThatIsNotAFont(@TempDir Path directory) throws Exception {
        CertificateFonts system = CertificateFonts.discover();
        Path notAFont = Files.writeString(directory.resolve("broken.ttf"), "not a font");
        CertificateFonts fonts = new CertificateFonts(system.latin(), system.latinBold(), notAFont, system.teluguBold(),
                system.devanagari(), system.devanagariBold());

        assertThatThrownBy(() -> new CertificatePdfRenderer(fonts)).hasMessageContaining("broken.ttf");
    }
}
