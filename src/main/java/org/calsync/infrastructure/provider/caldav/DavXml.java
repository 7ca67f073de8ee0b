package org.calsync.infrastructure.provider.caldav;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.shared.Text;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Namespace-aware reading of WebDAV multistatus answers, with DTDs and external entities switched off. */
final class DavXml {

    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    static final String CALSERVER = "http://calendarserver.org/ns/";

    private DavXml() {
    }

    static Element parse(String xml) {
        try {
            // The JDK's own parser, named: newInstance() would scan every jar of the server for another each time.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultNSInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // One event with a raw control character (which XML forbids) must not make the whole answer unreadable.
            Document document = builder.parse(new InputSource(new StringReader(Text.carriable(xml))));
            return document.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            // A server that answers garbage is broken for now, not our data: retry later.
            throw new ProviderUnavailableException(FailureKind.UNREADABLE,
                    "The CalDAV server sent an unreadable answer", null, e);
        }
    }

    static List<Element> children(Element parent, String namespace, String name) {
        List<Element> result = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
                result.add(element);
            }
        }
        return result;
    }

    static Optional<Element> child(Element parent, String namespace, String name) {
        return children(parent, namespace, name).stream().findFirst();
    }

    /** The first descendant with this name, at any depth. */
    static Optional<Element> find(Element parent, String namespace, String name) {
        var nodes = parent.getElementsByTagNameNS(namespace, name);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of((Element) nodes.item(0));
    }

    static Optional<String> text(Element parent, String namespace, String name) {
        return find(parent, namespace, name).map(Element::getTextContent).map(String::strip).filter(s -> !s.isEmpty());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
