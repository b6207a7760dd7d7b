package mx.supplierportal.cfdi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML into {@link XmlNode}s: no DTDs (so no external entities and no entity expansion bombs), no
 * external resources, a size limit checked before parsing, and a depth limit. Every failure is a finding with a
 * clear message, never a stack trace.
 */
final class SafeXml {

    static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_DEPTH = 64;

    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(SafeXml::newBuilder);

    private SafeXml() {
    }

    /** A size as people read it: megabytes with one decimal ("13.2"). */
    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    static XmlNode parse(byte[] content, int maxBytes) throws CfdiReadException {
        if (content == null || content.length == 0 || isBlank(content)) {
            throw new CfdiReadException(Finding.error("XML-EMPTY"));
        }
        if (content.length > maxBytes) {
            throw new CfdiReadException(Finding.error("XML-TOO-LARGE", megabytes(content.length), megabytes(maxBytes)));
        }
        if (!looksLikeXml(content)) {
            throw new CfdiReadException(Finding.error("XML-NOT-XML"));
        }
        DocumentBuilder builder = BUILDERS.get();
        Document document;
        try {
            builder.reset();
            builder.setErrorHandler(SILENT);
            document = builder.parse(new ByteArrayInputStream(content));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw new CfdiReadException(Finding.error("XML-DTD"));
            }
            if (message.contains("maxElementDepth") || message.contains("depth")) {
                throw new CfdiReadException(Finding.error("XML-TOO-DEEP", MAX_DEPTH));
            }
            throw new CfdiReadException(Finding.error("XML-MALFORMED", e.getLineNumber(), e.getColumnNumber()));
        } catch (SAXException | IOException e) {
            throw new CfdiReadException(Finding.error("XML-MALFORMED", 0, 0));
        }
        return toNode(document.getDocumentElement(), 1);
    }

    private static XmlNode toNode(Element element, int depth) throws CfdiReadException {
        if (depth > MAX_DEPTH) {
            throw new CfdiReadException(Finding.error("XML-TOO-DEEP", MAX_DEPTH));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr attribute = (Attr) map.item(i);
            if (attribute.getNamespaceURI() == null) {
                attributes.put(attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName(),
                        attribute.getValue());
            }
        }
        List<XmlNode> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                children.add(toNode(childElement, depth + 1));
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return new XmlNode(element.getNamespaceURI(), element.getLocalName(), attributes, children,
                text.toString().strip());
    }

    private static DocumentBuilder newBuilder() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setAttribute("jdk.xml.maxElementDepth", MAX_DEPTH);
            factory.setAttribute("jdk.xml.entityExpansionLimit", 100);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("the JDK's XML parser does not support secure processing", e);
        }
    }

    private static boolean isBlank(byte[] content) {
        for (byte b : content) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return true;
    }

    /** The first character that is not a BOM or white space must be '<'. */
    private static boolean looksLikeXml(byte[] content) {
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < content.length && Character.isWhitespace(content[i])) {
            i++;
        }
        return i < content.length && content[i] == '<';
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };
}
