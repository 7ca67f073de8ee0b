package org.calsync.testsupport.ews;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Small XML helpers for the simulator: reading requests and writing responses shaped like the samples. */
final class EwsXml {

    private EwsXml() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String instant(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }

    /** An answer as Exchange 2016 sends it: the server version header, then the body. */
    static String answer(String body) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
                  <s:Header>
                    <h:ServerVersionInfo MajorVersion="15" MinorVersion="1" MajorBuildNumber="2507" MinorBuildNumber="6" \
                Version="V2017_07_11" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"/>
                  </s:Header>
                  <s:Body>%s</s:Body>
                </s:Envelope>""".formatted(body);
    }

    /** A response envelope with the operation's response messages. */
    static String envelope(String operation, String responseMessages) {
        return answer("""
                <m:%1$sResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" \
                xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
                  <m:ResponseMessages>%2$s</m:ResponseMessages>
                </m:%1$sResponse>""".formatted(operation, responseMessages));
    }

    static String fault(String code, String message) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
                  <s:Body>
                    <s:Fault>
                      <faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:%1$s</faultcode>
                      <faultstring xml:lang="en-US">%2$s</faultstring>
                      <detail>
                        <e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">%1$s</e:ResponseCode>
                        <e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">%2$s</e:Message>
                      </detail>
                    </s:Fault>
                  </s:Body>
                </s:Envelope>""".formatted(code, escape(message));
    }

    /** Exchange's throttling answer: a SOAP fault over HTTP 500, BackOffMilliseconds when it knows how long. */
    static String serverBusy(Long backOffMillis) {
        String backOff = backOffMillis == null ? "" : """
                        <t:MessageXml xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
                          <t:Value Name="BackOffMilliseconds">%d</t:Value>
                        </t:MessageXml>""".formatted(backOffMillis);
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
                  <s:Body>
                    <s:Fault>
                      <faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorServerBusy</faultcode>
                      <faultstring xml:lang="en-US">The server cannot service this request right now. Try again later.</faultstring>
                      <detail>
                        <e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorServerBusy</e:ResponseCode>
                        <e:Message xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">The server cannot service this request right now. Try again later.</e:Message>
                %s
                      </detail>
                    </s:Fault>
                  </s:Body>
                </s:Envelope>""".formatted(backOff);
    }

    static Element child(Element parent, String namespace, String name) {
        return EwsSchema.children(parent).stream().filter(e -> EwsSchema.is(e, namespace, name)).findFirst().orElse(null);
    }

    static List<Element> all(Element parent, String namespace, String name) {
        return EwsSchema.children(parent).stream().filter(e -> EwsSchema.is(e, namespace, name)).toList();
    }

    static Element descendant(Element root, String namespace, String name) {
        var found = root.getElementsByTagNameNS(namespace, name);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }

    static String text(Element parent, String namespace, String name) {
        Element element = parent == null ? null : child(parent, namespace, name);
        return element == null ? null : element.getTextContent();
    }

    /** The SMTP address an ExchangeImpersonation header asks for, or null. */
    /** The release the request is written for (RequestServerVersion), or null when it names none. */
    static String requestVersion(Document request) {
        Element header = child(request.getDocumentElement(), EwsSchema.SOAP, "Header");
        Element version = header == null ? null : child(header, EwsSchema.TYPES, "RequestServerVersion");
        return version == null || !version.hasAttribute("Version") ? null : version.getAttribute("Version");
    }

    static String impersonatedSmtp(Document request) {
        Element header = child(request.getDocumentElement(), EwsSchema.SOAP, "Header");
        if (header == null) {
            return null;
        }
        Element impersonation = child(header, EwsSchema.TYPES, "ExchangeImpersonation");
        if (impersonation == null) {
            return null;
        }
        Element sid = child(impersonation, EwsSchema.TYPES, "ConnectingSID");
        String smtp = text(sid, EwsSchema.TYPES, "SmtpAddress");
        return smtp != null ? smtp : text(sid, EwsSchema.TYPES, "PrimarySmtpAddress");
    }
}
