package org.pramaan.issuer.pdf;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.pramaan.issuer.pdf.CertificateDocument.Bilingual;
import org.pramaan.issuer.pdf.ContentWriter.Color;

/**
 * Places everything on one A4 page: frame, seal and department, title, the field table (holder name
 * first), and at the foot the certificate number, dates and the QR code with its scan line.
 *
 * <p>Bilingual texts put the citizen's language first and English beneath it, in the same size for
 * labels so neither reads as a footnote. A table too long for the page is set smaller, step by step;
 * one that does not fit even then is refused rather than cut off.
 */
final class CertificateLayout {

    static final PDRectangle PAGE = PDRectangle.A4;
    private static final float LEFT = 48;
    private static final float RIGHT = PAGE.getWidth() - 48;
    private static final float TOP = PAGE.getHeight() - 48;
    private static final float LABEL_WIDTH = 170;
    private static final float GAP = 14;
    private static final float FOOT_TOP = 236;
    private static final float[] TABLE_SCALES = {1f, 0.9f, 0.8f, 0.7f, 0.6f};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");

    private final TextShaper shaper;
    private final LineBreaker breaker;

    CertificateLayout(TextShaper shaper) {
        this.shaper = shaper;
        this.breaker = new LineBreaker(shaper);
    }

    void draw(CertificateDocument document, ContentWriter content) {
        // Every certificate is bilingual: English applicants get English with Telugu headings.
        boolean bilingual = true;
        Labels local = Labels.of(document.headingLanguage());
        Drawings.frame(content, PAGE.getWidth(), PAGE.getHeight());
        float y = header(document, content, bilingual);
        y = title(document, content, y, bilingual);
        table(document, content, y, local, bilingual);
        new FootBlock(shaper, breaker, content).draw(document, local, bilingual, FOOT_TOP);
    }

    private float header(CertificateDocument document, ContentWriter content, boolean bilingual) {
        Drawings.seal(content, LEFT + 32, TOP - 32, 32);
        float x = LEFT + 80;
        float width = RIGHT - x;
        if (bilingual) {
            fitted(content, document.department().local(), true, 15, x, TOP - 24, width, Color.ACCENT);
            fitted(content, document.department().english(), true, 12, x, TOP - 46, width, Color.ACCENT);
        } else {
            fitted(content, document.department().english(), true, 15, x, TOP - 38, width, Color.ACCENT);
        }
        float rule = TOP - 76;
        Drawings.rule(content, LEFT, RIGHT, rule, Color.ACCENT, 1f);
        return rule;
    }

    private float title(CertificateDocument document, ContentWriter content, float rule, boolean bilingual) {
        if (bilingual) {
            centred(content, document.title().local(), 21, rule - 40);
            centred(content, document.title().english(), 15, rule - 64);
            return rule - 84;
        }
        centred(content, document.title().english(), 21, rule - 42);
        return rule - 66;
    }

    private void centred(ContentWriter content, String text, float size, float baseline) {
        ShapedLine line = shaper.shapeFixed(text, true);
        float width = RIGHT - LEFT;
        float fitted = breaker.fit(line, size, 9, width);
        content.text(line, LEFT + (width - line.width(fitted)) / 2, baseline, fitted, Color.TEXT);
    }

    private void fitted(ContentWriter content, String text, boolean bold, float size, float x, float baseline,
                        float width, Color color) {
        ShapedLine line = shaper.shapeFixed(text, bold);
        content.text(line, x, baseline, breaker.fit(line, size, 8, width), color);
    }

    private void table(CertificateDocument document, ContentWriter content, float top, Labels local,
                       boolean bilingual) {
        List<Row> rows = new ArrayList<>();
        // The name as certified, and beneath it in English letters for a reader of another script.
        rows.add(new Row(new Bilingual(Labels.ENGLISH.holder(), local.holder()), document.holderName(),
                document.holderLatin(), true));
        document.fields().forEach(field -> rows.add(new Row(field.label(), field.value(), null, false)));
        if (document.signatory() != null) {
            rows.add(new Row(new Bilingual(Labels.ENGLISH.issuingOfficer(), local.issuingOfficer()),
                    document.signatory().printed(), null, false));
        }
        for (float scale : TABLE_SCALES) {
            List<SetRow> set = rows.stream().map(row -> set(row, scale, bilingual)).toList();
            float height = (float) set.stream().mapToDouble(SetRow::height).sum();
            if (top - height >= FOOT_TOP + 8) {
                drawRows(content, set, top);
                return;
            }
        }
        throw new IllegalArgumentException("the certificate's " + document.fields().size()
                + " fields do not fit on one page even in the smallest type");
    }

    private SetRow set(Row row, float scale, boolean bilingual) {
        float labelSize = 9 * scale;
        float valueSize = (row.emphasised() ? 13 : 11) * scale;
        List<ShapedLine> labels = new ArrayList<>(breaker.wrapFixed(row.label().english(), false, labelSize, LABEL_WIDTH));
        int englishLines = labels.size();
        if (bilingual) {
            labels.addAll(breaker.wrapFixed(row.label().local(), false, labelSize, LABEL_WIDTH));
        }
        float valueWidth = RIGHT - LEFT - LABEL_WIDTH - GAP;
        List<ShapedLine> values = new ArrayList<>(breaker.wrap(row.value(), row.emphasised(), valueSize, valueWidth));
        if (row.second() != null && !row.second().isBlank()) {
            values.addAll(breaker.wrap(row.second(), row.emphasised(), valueSize, valueWidth));
        }
        float padding = 7 * scale;
        float labelHeight = labels.size() * labelSize * 1.55f;
        float valueHeight = values.size() * valueSize * 1.5f;
        return new SetRow(labels, englishLines, labelSize, values, valueSize, row.emphasised(), padding,
                2 * padding + Math.max(labelHeight, valueHeight));
    }

    private void drawRows(ContentWriter content, List<SetRow> rows, float top) {
        float rowTop = top;
        for (SetRow row : rows) {
            float baseline = rowTop - row.padding() - row.labelSize() * 1.1f;
            for (int i = 0; i < row.labels().size(); i++) {
                Color color = i < row.englishLines() ? Color.TEXT : Color.MUTED;
                content.text(row.labels().get(i), LEFT, baseline, row.labelSize(), color);
                baseline -= row.labelSize() * 1.55f;
            }
            baseline = rowTop - row.padding() - row.valueSize() * 1.0f;
            for (ShapedLine value : row.values()) {
                content.text(value, LEFT + LABEL_WIDTH + GAP, baseline, row.valueSize(), Color.TEXT);
                baseline -= row.valueSize() * 1.5f;
            }
            rowTop -= row.height();
            Drawings.rule(content, LEFT, RIGHT, rowTop, Color.RULE, 0.5f);
        }
    }

    static String date(java.time.LocalDate date) {
        return DATE.format(date);
    }

    /** One table row; {@code second} is a further value line (the name in English letters) or null. */
    private record Row(Bilingual label, String value, String second, boolean emphasised) {
    }

    private record SetRow(List<ShapedLine> labels, int englishLines, float labelSize, List<ShapedLine> values,
                          float valueSize, boolean emphasised, float padding, float height) {
    }
}
