package org.pramaan.issuer.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * The signed credential inside a certificate PDF, attached the way PDF/A-3 attaches source data: an
 * embedded file named {@value #FILE_NAME} (MIME type {@value #MIME_TYPE}) in the document's
 * EmbeddedFiles name tree, also listed in the catalog's associated files (/AF) with relationship
 * Data. A verifier given the PDF, even one whose printed QR code is unreadable, reads it from there:
 *
 * <pre>{@code
 * Optional<byte[]> cose = CertificatePdf.embeddedCredential(Files.readAllBytes(pdf));
 * }</pre>
 */
public final class CertificatePdf {

    public static final String FILE_NAME = "credential.cose";
    public static final String MIME_TYPE = "application/cose";
    private static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");

    private CertificatePdf() {
    }

    /**
     * The COSE_Sign1 bytes attached to a certificate PDF.
     *
     * @return the bytes, or empty when the PDF carries no credential
     * @throws IOException when the bytes are not a readable PDF
     */
    public static Optional<byte[]> embeddedCredential(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            Optional<byte[]> named = fromNameTree(catalog);
            return named.isPresent() ? named : fromAssociatedFiles(catalog);
        }
    }

    static void attach(PDDocument document, byte[] credential, java.util.Calendar issued) throws IOException {
        PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(credential));
        file.setSubtype(MIME_TYPE);
        file.setSize(credential.length);
        // PDF/A-3 asks every embedded file for its modification date.
        file.setModDate(issued);
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile(FILE_NAME);
        spec.setFileUnicode(FILE_NAME);
        spec.setEmbeddedFile(file);
        spec.setEmbeddedFileUnicode(file);
        spec.setFileDescription("Signed credential (COSE_Sign1) of this certificate");
        spec.getCOSObject().setName(AF_RELATIONSHIP, "Data");

        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of(FILE_NAME, spec));
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);
        COSArray associated = new COSArray();
        associated.add(spec);
        catalog.getCOSObject().setItem(COSName.AF, associated);
    }

    private static Optional<byte[]> fromNameTree(PDDocumentCatalog catalog) throws IOException {
        PDDocumentNameDictionary names = catalog.getNames();
        if (names == null || names.getEmbeddedFiles() == null) {
            return Optional.empty();
        }
        PDComplexFileSpecification spec = names.getEmbeddedFiles().getValue(FILE_NAME);
        return bytesOf(spec);
    }

    private static Optional<byte[]> fromAssociatedFiles(PDDocumentCatalog catalog) throws IOException {
        if (!(catalog.getCOSObject().getDictionaryObject(COSName.AF) instanceof COSArray associated)) {
            return Optional.empty();
        }
        for (int i = 0; i < associated.size(); i++) {
            if (associated.getObject(i) instanceof COSDictionary dictionary) {
                PDComplexFileSpecification spec = new PDComplexFileSpecification(dictionary);
                if (FILE_NAME.equals(spec.getFileUnicode()) || FILE_NAME.equals(spec.getFile())) {
                    return bytesOf(spec);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<byte[]> bytesOf(PDComplexFileSpecification spec) throws IOException {
        if (spec == null) {
            return Optional.empty();
        }
        PDEmbeddedFile file = spec.getEmbeddedFileUnicode() != null ? spec.getEmbeddedFileUnicode() : spec.getEmbeddedFile();
        return file == null ? Optional.empty() : Optional.of(file.toByteArray());
    }
}
