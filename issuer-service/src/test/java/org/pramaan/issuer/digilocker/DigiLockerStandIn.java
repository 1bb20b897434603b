package org.pramaan.issuer.digilocker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * DigiLocker, as far as an issuer sees it: builds Pull URI and Pull Doc requests from the field lists of DigiLocker's
 * Issuer APIs 3.0.0 (attributes ver, ts, txn, orgId, format; DocDetails DocType, DigiLockerId, UID, FullName, DOB,
 * UDF1..; or URI), signs each body with the API key (x-digilocker-hmac: Base64 HMAC-SHA256 of the raw body) and reads
 * the answers.
 */
final class DigiLockerStandIn {

    /** An answer: HTTP status, content type, body; for a 200 its ResponseStatus and DocDetails. */
    record Answer(int status, String contentType, String body, String responseStatus, String ts, String txn,
                  Map<String, String> details) {
        String detail(String name) {
            return details.get(name);
        }

        byte[] decoded(String name) {
            return Base64.getDecoder().decode(details.get(name));
        }
    }

    static final String DIGILOCKER_ID = "123e4567-e89b-12d3-a456-426655440000";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String orgId;
    private final String apiKey;

    DigiLockerStandIn(int port, String orgId, String apiKey) {
        this.port = port;
        this.orgId = orgId;
        this.apiKey = apiKey;
    }

    DigiLockerStandIn withOrgId(String otherOrgId) {
        return new DigiLockerStandIn(port, otherOrgId, apiKey);
    }

    DigiLockerStandIn withKey(String otherKey) {
        return new DigiLockerStandIn(port, orgId, otherKey);
    }

    /** A citizen searches: DocType and UDF1 (the certificate number), with the Aadhaar name and date of birth. */
    Answer pullUri(String docType, String number, String fullName, String format) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("DocType", docType);
        details.put("DigiLockerId", DIGILOCKER_ID);
        details.put("UID", "234123412346");
        details.put("FullName", fullName);
        details.put("DOB", "15-08-1990");
        details.put("UDF1", number);
        return send("/digilocker/pull-uri", xml("PullURIRequest", format, details));
    }

    /** A citizen opens a saved URI. */
    Answer pullDoc(String uri, String fullName, String format) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("URI", uri);
        details.put("DigiLockerId", DIGILOCKER_ID);
        if (fullName != null) {
            details.put("UID", "234123412346");
            details.put("FullName", fullName);
            details.put("DOB", "15-08-1990");
        }
        return send("/digilocker/pull-doc", xml("PullDocRequest", format, details));
    }

    byte[] xml(String root, String format, Map<String, String> details) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(root);
            xml.writeAttribute("ver", "1.0");
            xml.writeAttribute("ts", Instant.now().toString());
            xml.writeAttribute("txn", "txn-" + UUID.randomUUID());
            xml.writeAttribute("orgId", orgId);
            if (format != null) {
                xml.writeAttribute("format", format);
            }
            xml.writeStartElement("DocDetails");
            for (Map.Entry<String, String> d : details.entrySet()) {
                xml.writeStartElement(d.getKey());
                xml.writeCharacters(d.getValue());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    Answer send(String path, byte[] body) {
        return send(path, body, "application/xml", hmac(body));
    }

    /** Any body, content type and signature header (null: none). */
    Answer send(String path, byte[] body, String contentType, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("x-digilocker-hmac", signature);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(r.body(), StandardCharsets.UTF_8);
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.statusCode() != 200 || !type.contains("xml")) {
                return new Answer(r.statusCode(), type, text, null, null, null, Map.of());
            }
            return parse(r.statusCode(), type, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer parse(int status, String type, byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            Element responseStatus = (Element) d.getElementsByTagName("ResponseStatus").item(0);
            Element docDetails = (Element) d.getElementsByTagName("DocDetails").item(0);
            Map<String, String> details = new LinkedHashMap<>();
            for (Node n = docDetails.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    details.put(e.getTagName(), e.getTextContent());
                }
            }
            return new Answer(status, type, new String(body, StandardCharsets.UTF_8),
                    responseStatus.getAttribute("Status"), responseStatus.getAttribute("ts"),
                    responseStatus.getAttribute("txn"), details);
        } catch (Exception e) {
            throw new IllegalStateException("not a DigiLocker response: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }
}
