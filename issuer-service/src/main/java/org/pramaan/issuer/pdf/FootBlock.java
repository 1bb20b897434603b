package org.pramaan.issuer.pdf;

import java.util.ArrayList;
import java.util.List;
import org.pramaan.issuer.pdf.ContentWriter.Color;

/**
 * The foot of the certificate: certificate number and dates on the left, the QR code on the right
 * with the line asking the reader to scan it, in the citizen's language and in English.
 */
final class FootBlock {

    private static final float LEFT = 48;
    private static final float RIGHT = CertificateLayout.PAGE.getWidth() - 48;
    private static final float BOTTOM = 44;
    private static final float QR_SIDE = 132;
    private static final float SCAN_WIDTH = 180;
    private static final float LABEL_WIDTH = 128;

    private final TextShaper shaper;
    private final LineBreaker breaker;
    private final ContentWriter content;

    FootBlock(TextShaper shaper, LineBreaker breaker, ContentWriter content) {
        this.shaper = shaper;
        this.breaker = breaker;
        this.content = content;
    }

    void draw(CertificateDocument document, Labels local, boolean bilingual, float top) {
        Drawings.rule(content, LEFT, RIGHT, top, Color.ACCENT, 1f);
        float qrBottom = scanLine(local, bilingual);
        Drawings.qrCode(content, document.qrText(), RIGHT - QR_SIDE, qrBottom, QR_SIDE);

        float y = top - 22;
        y = item(Labels.ENGLISH.certificateId(), local.certificateId(), List.of(document.certificateId()), true, bilingual, y);
        y = item(Labels.ENGLISH.issuedOn(), local.issuedOn(), List.of(CertificateLayout.date(document.issuedOn())), false,
                bilingual, y);
        List<String> expiry = document.validUntil() != null
                ? List.of(CertificateLayout.date(document.validUntil()))
                : bilingual ? List.of(local.doesNotExpire(), Labels.ENGLISH.doesNotExpire())
                : List.of(Labels.ENGLISH.doesNotExpire());
        item(Labels.ENGLISH.validUntil(), local.validUntil(), expiry, false, bilingual, y);
        signedNote(document, local, bilingual);
    }

    /**
     * At the bottom left: who signed the PDF and the other ways to check it, in the citizen's language and in
     * English, for a reader who sees the page but not the PDF reader's signature panel.
     */
    private void signedNote(CertificateDocument document, Labels local, boolean bilingual) {
        float size = 7;
        float width = RIGHT - SCAN_WIDTH - 24 - LEFT;
        String verifier = verifierAddress(document.qrText());
        // The PDF is signed when the certificate is issued: the signature's date is the issue date.
        String signedOn = CertificateLayout.date(document.issuedOn());
        List<ShapedLine> lines = new ArrayList<>();
        if (bilingual) {
            lines.addAll(breaker.wrap(String.format(local.signedBy(), document.department().local(), verifier, signedOn),
                    false, size, width));
        }
        lines.addAll(breaker.wrap(String.format(Labels.ENGLISH.signedBy(), document.department().english(), verifier,
                signedOn), false, size, width));
        float baseline = BOTTOM + (lines.size() - 1) * size * 1.45f;
        for (ShapedLine line : lines) {
            content.text(line, LEFT, baseline, size, Color.MUTED);
            baseline -= size * 1.45f;
        }
    }

    /** The verifier's address: the QR text up to its {@code /C/} part, in lower case for reading. */
    static String verifierAddress(String qrText) {
        int at = qrText.indexOf("/C/");
        return (at < 0 ? qrText : qrText.substring(0, at)).toLowerCase(java.util.Locale.ROOT);
    }

    /** Sets the scan line under the QR code, centred on it; returns where the QR code's bottom goes. */
    private float scanLine(Labels local, boolean bilingual) {
        float size = 8;
        List<ShapedLine> lines = new ArrayList<>();
        if (bilingual) {
            lines.addAll(breaker.wrapFixed(local.scanToVerify(), false, size, SCAN_WIDTH));
        }
        lines.addAll(breaker.wrapFixed(Labels.ENGLISH.scanToVerify(), false, size, SCAN_WIDTH));
        float centre = RIGHT - QR_SIDE / 2;
        float baseline = BOTTOM + (lines.size() - 1) * size * 1.5f;
        for (ShapedLine line : lines) {
            content.text(line, centre - line.width(size) / 2, baseline, size, Color.MUTED);
            baseline -= size * 1.5f;
        }
        // The QR code's quiet zone is white space already; no extra gap is needed above the text.
        return BOTTOM + lines.size() * size * 1.5f;
    }

    /** One labelled item (label in both languages on the left, value lines on the right); returns the next top. */
    private float item(String english, String localLabel, List<String> values, boolean bold, boolean bilingual, float top) {
        float labelSize = 8.5f;
        float valueSize = 10.5f;
        float baseline = top;
        content.text(shaper.shapeFixed(english, false), LEFT, baseline, labelSize, Color.TEXT);
        if (bilingual) {
            baseline -= labelSize * 1.55f;
            content.text(shaper.shapeFixed(localLabel, false), LEFT, baseline, labelSize, Color.MUTED);
        }
        float valueBaseline = top;
        for (String value : values) {
            content.text(shaper.shape(value, bold), LEFT + LABEL_WIDTH, valueBaseline, valueSize, Color.TEXT);
            valueBaseline -= valueSize * 1.5f;
        }
        return Math.min(baseline, valueBaseline + valueSize * 1.5f - valueSize) - 24;
    }
}
