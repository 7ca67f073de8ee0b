package org.calsync.testsupport.ews;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The official EWS schemas (Exchange 2016), compiled once. A SOAP message conforms when its envelope is
 * SOAP 1.1 and every header block and the body's operation element validate against {@code messages.xsd}
 * and {@code types.xsd}. The envelope itself has no schema here, so its shape is checked by hand.
 */
public final class EwsSchema {

    public static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";
    public static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";

    private static final Schema SCHEMA = compile();

    private EwsSchema() {
    }

    private static Schema compile() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            // types.xsd breaks the Unique Particle Attribution rule; Exchange's own tools skip that check too.
            factory.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false);
            URL messages = EwsSchema.class.getResource("/ews/schema/messages.xsd");
            if (messages == null) {
                throw new IllegalStateException("src/test/resources/ews/schema/messages.xsd is missing");
            }
            return factory.newSchema(messages);
        } catch (SAXException e) {
            throw new IllegalStateException("The EWS schemas do not compile", e);
        }
    }

    /** Parses a SOAP message, namespace-aware; a message that is not even XML is a violation too. */
    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new SchemaViolation(List.of("not well-formed XML: " + e.getMessage()));
        }
    }

    /** Validates a whole SOAP message; throws with every problem found. */
    public static Document validate(String xml) {
        Document document = parse(xml);
        List<String> problems = new ArrayList<>();
        Element envelope = document.getDocumentElement();
        if (!is(envelope, SOAP, "Envelope")) {
            throw new SchemaViolation(List.of("the root is not a SOAP 1.1 Envelope but " + envelope.getNamespaceURI()
                    + " " + envelope.getLocalName()));
        }
        Element body = null;
        for (Element part : children(envelope)) {
            if (is(part, SOAP, "Header")) {
                children(part).forEach(block -> validate(block, problems));
            } else if (is(part, SOAP, "Body")) {
                body = part;
            } else {
                problems.add("unexpected element in the envelope: " + part.getLocalName());
            }
        }
        if (body == null) {
            problems.add("the envelope has no Body");
        } else {
            List<Element> operations = children(body);
            if (operations.size() != 1) {
                problems.add("the Body holds " + operations.size() + " elements instead of one");
            }
            // A SOAP Fault is the transport's, not EWS's; its shape is SOAP's own.
            operations.stream().filter(op -> !is(op, SOAP, "Fault")).forEach(op -> validate(op, problems));
        }
        if (!problems.isEmpty()) {
            throw new SchemaViolation(problems);
        }
        return document;
    }

    private static void validate(Element element, List<String> problems) {
        Validator validator = SCHEMA.newValidator();
        try {
            validator.validate(new DOMSource(element));
        } catch (SAXException e) {
            problems.add(element.getLocalName() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean is(Node node, String namespace, String localName) {
        return node instanceof Element && namespace.equals(node.getNamespaceURI()) && localName.equals(node.getLocalName());
    }

    static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                result.add(element);
            }
        }
        return result;
    }

    /** A message that does not conform; a test that meets one fails. */
    public static final class SchemaViolation extends RuntimeException {

        private final List<String> problems;

        SchemaViolation(List<String> problems) {
            super("EWS schema violation: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
