package org.pramaan.catalog.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A document is taken only when its declared media type and its first bytes agree. */
class DocumentTypeTest {

    private static final byte[] PDF = "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 0};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0};

    @Test
    void declaredTypeAndMagicBytesMustAgree() {
        assertThat(DocumentType.check("application/pdf", PDF)).contains(DocumentType.PDF);
        assertThat(DocumentType.check("image/jpeg", JPEG)).contains(DocumentType.JPEG);
        assertThat(DocumentType.check("IMAGE/PNG; charset=binary", PNG)).contains(DocumentType.PNG);
        assertThat(DocumentType.check("application/pdf", JPEG)).isEmpty();
        assertThat(DocumentType.check("image/jpeg", PNG)).isEmpty();
        assertThat(DocumentType.check("image/jpeg", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(DocumentType.check("image/gif", "GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(DocumentType.check("application/pdf", new byte[] {'%', 'P'})).isEmpty();
        assertThat(DocumentType.check(null, PDF)).isEmpty();
        assertThat(DocumentType.sniff(PNG)).contains(DocumentType.PNG);
    }

    @Test
    void kindsAreReadFromTheCatalogsWords() {
        assertThat(DocumentKind.parse("image")).isEqualTo(DocumentKind.IMAGE);
        assertThat(DocumentKind.parse(" PDF ")).isEqualTo(DocumentKind.PDF);
        assertThat(DocumentKind.ofMimeType("image/png")).contains(DocumentKind.IMAGE);
        assertThat(DocumentKind.ofMimeType("application/msword")).isEmpty();
        assertThat(DocumentKind.PDF.code()).isEqualTo("pdf");
        assertThatThrownBy(() -> DocumentKind.parse("video")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("image or pdf");
    }
}
