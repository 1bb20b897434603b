package org.pramaan.issuer.digilocker;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.pramaan.catalog.CertificateForm;
import org.pramaan.catalog.Department;
import org.pramaan.catalog.FieldType;
import org.pramaan.catalog.FormField;
import org.pramaan.issuer.certificate.Certificate;

/**
 * A certificate as DigiLocker's {@code DataContent}: its fields as printed (never an Aadhaar or phone number, nor any
 * field the certificate does not print) and the signed QR credential, so a machine can verify it exactly as the
 * verifier does. Namespace {@value #NAMESPACE}; schema docs/digilocker-certificate.xsd, example in docs/digilocker.md.
 */
public final class CertificateXml {

    public static final String NAMESPACE = "urn:pramaan:digilocker:certificate:1";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private CertificateXml() {
    }

    public static byte[] write(Certificate c, Department department, String serviceName, CertificateForm form,
                               String uri) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("Certificate");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("version", "1");
            text(xml, "Id", c.id().value());
            text(xml, "URI", uri);
            text(xml, "DocType", form.digiLockerDocType());
            xml.writeStartElement("Department");
            xml.writeAttribute("code", c.department().value());
            xml.writeCharacters(department == null ? c.department().value() : department.names().en());
            xml.writeEndElement();
            xml.writeStartElement("Service");
            xml.writeAttribute("code", c.serviceCode() == null ? "" : c.serviceCode());
            xml.writeCharacters(serviceName);
            xml.writeEndElement();
            text(xml, "Language", c.language().code());
            text(xml, "IssuedAt", c.issuedAt().toString());
            text(xml, "ValidUntil", c.expiresAt().toString());
            text(xml, "Holder", c.holderName());
            xml.writeStartElement("Fields");
            for (FormField field : form.fields()) {
                String value = c.fields().get(field.key());
                if (value == null || !printed(field)) {
                    continue;
                }
                xml.writeStartElement("Field");
                xml.writeAttribute("key", field.key());
                xml.writeAttribute("type", field.type().json());
                xml.writeAttribute("label", field.labels().en());
                xml.writeCharacters(value);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeStartElement("Credential");
            xml.writeAttribute("encoding", "qr-text");
            xml.writeCharacters(c.qrText());
            xml.writeEndElement();
            text(xml, "ClaimsHash", c.claimsHash());
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the certificate's XML", e);
        }
        return out.toByteArray();
    }

    /** Printed on the certificate, and neither an Aadhaar nor a phone number (the holder's name has its element). */
    static boolean printed(FormField field) {
        return field.onCertificate() && field.type() != FieldType.AADHAAR && field.type() != FieldType.PHONE
                && !CertificateForm.HOLDER_NAME.equals(field.key());
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }
}
