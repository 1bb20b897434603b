package org.pramaan.issuer.digilocker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Pull URI and Pull Doc requests and writes their responses, in XML (DigiLocker's) or the same structure in
 * JSON ({@code {"PullURIRequest": {"ver": ..., "DocDetails": {...}}}}).
 *
 * <p>The XML parser is the JDK's, hardened: a document with a DTD is refused before anything in it is read, so there
 * are no external entities, no entity expansion (billion laughs) and nothing fetched; external schemas and
 * stylesheets are off too, and JAXP's secure processing limits stay on as a second wall.
 */
public final class PullMessages {

    static final int MAX_DETAILS = 32;
    static final int MAX_VALUE_LENGTH = 4096;
    private static final Set<String> ATTRIBUTES = Set.of("ver", "ts", "txn", "orgId", "format");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DocumentBuilderFactory FACTORY = factory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private PullMessages() {
    }

    private static DocumentBuilderFactory factory() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            f.setValidating(false);
            return f;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    /** @throws MalformedPullException naming what is wrong, for anything but a well-formed request of this kind */
    public static PullRequest read(PullRequest.Kind kind, PullRequest.Syntax syntax, byte[] body, int length) {
        return syntax == PullRequest.Syntax.XML ? readXml(kind, body, length) : readJson(kind, body, length);
    }

    private static PullRequest readXml(PullRequest.Kind kind, byte[] body, int length) {
        Document document;
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not read");
            });
            document = builder.parse(new ByteArrayInputStream(body, 0, length));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw new MalformedPullException("a document type declaration (DTD) is not accepted");
            }
            throw new MalformedPullException("the body is not well-formed XML (line " + e.getLineNumber() + ")");
        } catch (SAXException | IOException e) {
            throw new MalformedPullException("the body is not well-formed XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element root = document.getDocumentElement();
        if (!kind.request.equals(root.getTagName())) {
            throw new MalformedPullException("the root element must be " + kind.request);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        NamedNodeMap attrs = root.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if (ATTRIBUTES.contains(a.getNodeName())) {
                attributes.put(a.getNodeName(), value(a.getNodeName(), a.getNodeValue()));
            }
        }
        Element docDetails = null;
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                if (!"DocDetails".equals(e.getTagName()) || docDetails != null) {
                    throw new MalformedPullException(kind.request + " holds one DocDetails element and nothing else");
                }
                docDetails = e;
            }
        }
        if (docDetails == null) {
            throw new MalformedPullException(kind.request + " needs a DocDetails element");
        }
        Map<String, String> details = new LinkedHashMap<>();
        for (Node child = docDetails.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                NodeList grandchildren = e.getElementsByTagName("*");
                if (grandchildren.getLength() > 0) {
                    throw new MalformedPullException("DocDetails/" + e.getTagName() + " must hold text only");
                }
                put(details, e.getTagName(), e.getTextContent());
            }
        }
        return request(kind, PullRequest.Syntax.XML, attributes, details);
    }

    private static PullRequest readJson(PullRequest.Kind kind, byte[] body, int length) {
        JsonNode tree;
        try {
            tree = JSON.readTree(new ByteArrayInputStream(body, 0, length));
        } catch (JacksonException e) {
            throw new MalformedPullException("the body is not valid JSON");
        }
        JsonNode root = tree == null ? null : tree.get(kind.request);
        if (root == null || !root.isObject() || tree.size() != 1) {
            throw new MalformedPullException("the body must be {\"" + kind.request + "\": {...}}");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> details = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            String name = member.getKey();
            JsonNode v = member.getValue();
            if ("DocDetails".equals(name)) {
                if (!v.isObject()) {
                    throw new MalformedPullException("DocDetails must be an object");
                }
                for (Map.Entry<String, JsonNode> d : v.properties()) {
                    put(details, d.getKey(), scalar("DocDetails." + d.getKey(), d.getValue()));
                }
            } else if (ATTRIBUTES.contains(name)) {
                attributes.put(name, value(name, scalar(name, v)));
            }
        }
        if (!root.has("DocDetails")) {
            throw new MalformedPullException(kind.request + " needs DocDetails");
        }
        return request(kind, PullRequest.Syntax.JSON, attributes, details);
    }

    private static String scalar(String name, JsonNode v) {
        if (v.isNull()) {
            return "";
        }
        if (!v.isString() && !v.isNumber()) {
            throw new MalformedPullException(name + " must be a string");
        }
        return v.asString();
    }

    private static void put(Map<String, String> details, String name, String value) {
        if (!name.matches("[A-Za-z][A-Za-z0-9]{0,39}")) {
            throw new MalformedPullException("DocDetails holds an element with an unexpected name");
        }
        if (details.containsKey(name)) {
            throw new MalformedPullException("DocDetails/" + name + " appears twice");
        }
        if (details.size() >= MAX_DETAILS) {
            throw new MalformedPullException("DocDetails holds more than " + MAX_DETAILS + " elements");
        }
        details.put(name, value(name, value));
    }

    private static String value(String name, String value) {
        if (value != null && value.length() > MAX_VALUE_LENGTH && !"Photo".equals(name)) {
            throw new MalformedPullException(name + " is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        return value == null ? "" : value;
    }

    private static PullRequest request(PullRequest.Kind kind, PullRequest.Syntax syntax, Map<String, String> attributes,
                                       Map<String, String> details) {
        for (String required : new String[] {"ver", "ts", "txn", "orgId"}) {
            if (attributes.getOrDefault(required, "").isBlank()) {
                throw new MalformedPullException(kind.request + " needs the attribute " + required);
            }
        }
        PullRequest request = new PullRequest(kind, syntax, attributes, details);
        request.format(); // refused here, before anything is looked up
        return request;
    }

    /**
     * The response: {@code ResponseStatus} with {@code Status}, {@code ts} and {@code txn} echoed, then
     * {@code DocDetails} with the given elements in order.
     */
    public static byte[] write(PullRequest request, String status, Map<String, String> details) {
        return request.syntax() == PullRequest.Syntax.XML ? writeXml(request, status, details)
                : writeJson(request, status, details);
    }

    private static byte[] writeXml(PullRequest request, String status, Map<String, String> details) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement(request.kind().response);
            xml.writeStartElement("ResponseStatus");
            xml.writeAttribute("Status", status);
            xml.writeAttribute("ts", request.attribute("ts"));
            xml.writeAttribute("txn", request.attribute("txn"));
            xml.writeEndElement();
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
            throw new IllegalStateException("cannot write the response", e);
        }
        return out.toByteArray();
    }

    private static byte[] writeJson(PullRequest request, String status, Map<String, String> details) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode response = root.putObject(request.kind().response);
        ObjectNode responseStatus = response.putObject("ResponseStatus");
        responseStatus.put("Status", status);
        responseStatus.put("ts", request.attribute("ts"));
        responseStatus.put("txn", request.attribute("txn"));
        ObjectNode docDetails = response.putObject("DocDetails");
        details.forEach(docDetails::put);
        return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }
}
