package io.parley.channel.wechat;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's XML: a root {@code <xml>} whose children are the message's fields. Read with a parser that refuses
 * any DOCTYPE (so no external entity and no entity expansion can happen: XXE and "billion laughs" are refused before
 * they start), loads nothing from anywhere and expands no entity reference; written with every value in CDATA.
 */
final class PlatformXml {
    private static final DocumentBuilderFactory FACTORY = hardenedFactory();
    private static final ErrorHandler QUIET = new ErrorHandler() {
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

    private PlatformXml() {
    }

    /** The root's child elements by name, with their text (CDATA or not); nested elements give their whole text. */
    static Map<String, String> read(byte[] body) {
        Document document;
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(QUIET);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            document = builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw new WechatProtocolException("not acceptable XML: " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new WechatProtocolException("the XML could not be read: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!"xml".equals(root.getTagName())) {
            throw new WechatProtocolException("the root element is <" + root.getTagName() + ">, not <xml>");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                fields.putIfAbsent(child.getNodeName(), child.getTextContent().strip());
            }
        }
        return Collections.unmodifiableMap(fields);
    }

    /** {@code <xml>} with the fields in order: numbers as they are, everything else in CDATA. */
    static String write(Map<String, ?> fields) {
        StringBuilder xml = new StringBuilder("<xml>");
        fields.forEach((name, value) -> {
            xml.append('<').append(name).append('>');
            if (value instanceof Number) {
                xml.append(value);
            } else {
                // "]]>" cannot appear inside CDATA: end the section and start another between "]]" and ">"
                xml.append("<![CDATA[").append(String.valueOf(value).replace("]]>", "]]]]><![CDATA[>")).append("]]>");
            }
            xml.append("</").append(name).append('>');
        });
        return xml.append("</xml>").toString();
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }
}
