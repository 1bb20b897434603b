package org.pramaan.verifier.image;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * PDFBox's renderer with a budget: every content-stream operator checks the deadline (a page of
 * millions of cheap operators is a few kilobytes compressed), and an embedded image larger than the
 * pixel budget is refused before PDFBox decodes it. Images are subsampled to the output resolution.
 */
final class BoundedPdfRenderer extends PDFRenderer {

    private final DecodeBudget budget;
    private final long maxImagePixels;

    BoundedPdfRenderer(PDDocument document, DecodeBudget budget, long maxImagePixels) {
        super(document);
        this.budget = budget;
        this.maxImagePixels = maxImagePixels;
        setSubsamplingAllowed(true);
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new PageDrawer(parameters) {
            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                budget.check();
                super.processOperator(operator, operands);
            }

            @Override
            public void drawImage(PDImage image) throws IOException {
                long pixels = (long) image.getWidth() * image.getHeight();
                if (pixels > maxImagePixels) {
                    throw new UploadTooCostlyException("pixels", "the PDF holds an image of " + pixels
                            + " pixels; at most " + maxImagePixels + " are read");
                }
                super.drawImage(image);
            }
        };
    }
}
