package io.parley.simulator.twilio;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A TwiML document as Twilio reads it: the verbs under Response, each with its attributes, text and nested verbs. */
final class TwimlDocument {
    /** One verb: its name (Say, Gather...), attributes, text content and nested verbs. */
    record Verb(String name, Map<String, String> attributes, String text, List<Verb> children) {
        String attribute(String key) {
            return attributes.get(key);
        }
    }

    private TwimlDocument() {
    }

    /** The verbs of a Response document; an empty body is an empty Response. Throws on anything else. */
    static List<Verb> parse(String xml) {
        if (xml == null || xml.isBlank()) {
            return List.of();
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            if (!"Response".equals(root.getTagName())) {
                throw new IllegalArgumentException("the root element is <" + root.getTagName() + ">, not <Response>");
            }
            return verbs(root);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a TwiML document: " + e.getMessage(), e);
        }
    }

    private static List<Verb> verbs(Element parent) {
        List<Verb> verbs = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                Map<String, String> attributes = new LinkedHashMap<>();
                NamedNodeMap map = element.getAttributes();
                for (int a = 0; a < map.getLength(); a++) {
                    Node attribute = map.item(a);
                    attributes.put(attribute.getNodeName(), attribute.getNodeValue());
                }
                verbs.add(new Verb(element.getTagName(), attributes, element.getTextContent().trim(),
                        verbs(element)));
            }
        }
        return verbs;
    }
}
