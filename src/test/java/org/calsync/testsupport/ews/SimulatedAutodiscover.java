package org.calsync.testsupport.ews;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SOAP Autodiscover ({@code GetUserSettings}) as Exchange answers it at {@code /autodiscover/autodiscover.svc},
 * shaped after Microsoft's documented request and response. The EWS schemas do not cover Autodiscover, so
 * the request's structure is checked here instead; anything missing is a violation that fails the test.
 * A known mailbox gets the simulator's EWS address as both its internal and external URL; an unknown one
 * gets {@code InvalidUser}. When told to, the endpoint first redirects (RedirectUrl) to a second address.
 */
final class SimulatedAutodiscover {

    static final String PATH = "/autodiscover/autodiscover.svc";
    static final String NS = "http://schemas.microsoft.com/exchange/2010/Autodiscover";
    private static final String ADDRESSING = "http://www.w3.org/2005/08/addressing";
    private static final String ACTION = "http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettings";
    private static final Set<String> EWS_SETTINGS = Set.of("InternalEwsUrl", "ExternalEwsUrl");

    private final EwsSimulator simulator;
    private volatile boolean redirecting;

    SimulatedAutodiscover(EwsSimulator simulator) {
        this.simulator = simulator;
    }

    void redirectFirst(boolean redirect) {
        this.redirecting = redirect;
    }

    void serve(HttpExchange exchange, SimulatedSignIn signIn) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            SimulatedSignIn.SignedIn caller = signIn.check(exchange);
            if (caller == null) {
                return;
            }
            Document request = EwsSchema.parse(body);
            Element envelope = request.getDocumentElement();
            Element header = EwsXml.child(envelope, EwsSchema.SOAP, "Header");
            Element message = EwsXml.child(EwsXml.child(envelope, EwsSchema.SOAP, "Body"), NS, "GetUserSettingsRequestMessage");
            Element inner = message == null ? null : EwsXml.child(message, NS, "Request");
            List<String> mailboxes = inner == null ? List.of() : EwsXml.all(EwsXml.child(inner, NS, "Users"), NS, "User")
                    .stream().map(user -> EwsXml.text(user, NS, "Mailbox")).toList();
            List<String> settings = inner == null ? List.of() : EwsXml.all(EwsXml.child(inner, NS, "RequestedSettings"), NS,
                    "Setting").stream().map(Element::getTextContent).toList();
            String action = header == null ? null : EwsXml.text(header, ADDRESSING, "Action");
            String version = header == null ? null : EwsXml.text(header, NS, "RequestedServerVersion");
            if (!ACTION.equals(action) || version == null || mailboxes.isEmpty() || mailboxes.contains(null)
                    || settings.isEmpty()) {
                simulator.autodiscoverBroken("GetUserSettings request without its Action, RequestedServerVersion, "
                        + "mailboxes or settings:\n" + body);
                EwsSimulator.send(exchange, 400, "");
                return;
            }
            simulator.recordAutodiscover(new EwsSimulator.Recorded("GetUserSettings", caller.user(), null, Instant.now(),
                    body, caller.scheme(), version));
            String query = exchange.getRequestURI().getQuery();
            boolean redirect = redirecting && (query == null || !query.contains("redirected"));
            StringBuilder responses = new StringBuilder();
            for (String mailbox : mailboxes) {
                responses.append(redirect ? redirected(exchange) : userResponse(mailbox, settings));
            }
            EwsSimulator.send(exchange, 200, envelope(responses.toString()));
        }
    }

    private String redirected(HttpExchange exchange) {
        URI here = simulator.autodiscoverUrl();
        return """
                <UserResponse><ErrorCode>RedirectUrl</ErrorCode><ErrorMessage>Redirection URL.</ErrorMessage>\
                <RedirectTarget>%s?redirected=1</RedirectTarget><UserSettingErrors/><UserSettings/></UserResponse>"""
                .formatted(here);
    }

    private String userResponse(String mailbox, List<String> requested) {
        if (!simulator.hasMailbox(mailbox)) {
            return """
                    <UserResponse><ErrorCode>InvalidUser</ErrorCode><ErrorMessage>The email address can't be found.\
                    </ErrorMessage><RedirectTarget i:nil="true"/><UserSettingErrors/><UserSettings/></UserResponse>""";
        }
        StringBuilder settings = new StringBuilder();
        for (String name : requested) {
            if (EWS_SETTINGS.contains(name)) {
                settings.append("<UserSetting i:type=\"StringSetting\"><Name>").append(name).append("</Name><Value>")
                        .append(EwsXml.escape(simulator.url().toString())).append("</Value></UserSetting>");
            }
        }
        return """
                <UserResponse><ErrorCode>NoError</ErrorCode><ErrorMessage>No error.</ErrorMessage>\
                <RedirectTarget i:nil="true"/><UserSettingErrors/><UserSettings>%s</UserSettings></UserResponse>"""
                .formatted(settings);
    }

    private static String envelope(String userResponses) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="http://www.w3.org/2005/08/addressing">
                  <s:Header>
                    <a:Action s:mustUnderstand="1">http://schemas.microsoft.com/exchange/2010/Autodiscover/Autodiscover/GetUserSettingsResponse</a:Action>
                    <h:ServerVersionInfo xmlns:h="http://schemas.microsoft.com/exchange/2010/Autodiscover" \
                xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
                      <h:MajorVersion>15</h:MajorVersion><h:MinorVersion>1</h:MinorVersion>\
                <h:MajorBuildNumber>2507</h:MajorBuildNumber><h:MinorBuildNumber>6</h:MinorBuildNumber>\
                <h:Version>Exchange2015</h:Version>
                    </h:ServerVersionInfo>
                  </s:Header>
                  <s:Body>
                    <GetUserSettingsResponseMessage xmlns="http://schemas.microsoft.com/exchange/2010/Autodiscover">
                      <Response xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
                        <ErrorCode>NoError</ErrorCode><ErrorMessage/>
                        <UserResponses>%s</UserResponses>
                      </Response>
                    </GetUserSettingsResponseMessage>
                  </s:Body>
                </s:Envelope>""".formatted(userResponses);
    }
}
