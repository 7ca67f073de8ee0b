package org.calsync.testsupport.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The simulator itself, driven with Microsoft's sample requests: answers that validate, state that changes,
 * sync states that advance, impersonation, and the faults it can inject.
 */
class EwsSimulatorTest {

    @RegisterExtension
    static final EwsSimulator EWS = new EwsSimulator().withUser("alice", "alice-secret", "alice@contoso.example")
            .withServiceAccount("svc", "svc-secret");

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void clean() {
        EWS.clearRequests();
        EWS.takeViolations();
    }

    private HttpResponse<String> post(String user, String password, String body) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(EWS.url()).header("Authorization", "Basic " + auth)
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sample(String name) throws Exception {
        return Files.readString(Path.of(EwsSimulatorTest.class.getResource("/ews/samples/" + name).toURI()));
    }

    @Test
    void servesTheSampleRequestsWithAnswersThatValidate() throws Exception {
        int before = EWS.mailbox("alice@contoso.example").items().size();
        HttpResponse<String> folder = post("alice", "alice-secret", sample("GetFolder.1.xml"));
        assertEquals(200, folder.statusCode());
        assertTrue(folder.body().contains("NoError"), folder.body());

        String create = sample("CreateItem.2.xml").replace("SendToAllAndSaveCopy", "SendToNone");
        HttpResponse<String> created = post("alice", "alice-secret", create);
        assertTrue(created.body().contains("<t:ItemId Id=\""), created.body());
        assertEquals(before + 1, EWS.mailbox("alice@contoso.example").items().size());

        HttpResponse<String> first = post("alice", "alice-secret", sample("SyncFolderItems.1.xml"));
        assertTrue(first.body().contains("<t:Create>") && first.body().contains("IncludesLastItemInRange>true"), first.body());
        String state = first.body().replaceAll("(?s).*<m:SyncState>([^<]+)</m:SyncState>.*", "$1");
        HttpResponse<String> again = post("alice", "alice-secret", sample("SyncFolderItems.2.xml").replace("H4sIAAA==", state));
        assertTrue(again.body().contains("<m:Changes></m:Changes>"), "nothing changed since: " + again.body());

        HttpResponse<String> view = post("alice", "alice-secret", sample("FindItem.3.xml"));
        assertTrue(view.body().contains("NoError"), view.body());
        assertTrue(EWS.violations().isEmpty(), EWS.violations().toString());
    }

    @Test
    void aRequestThatBreaksTheSchemaIsRefusedAndRecorded() throws Exception {
        int known = EWS.violations().size();
        HttpResponse<String> refused = post("alice", "alice-secret", sample("GetFolder.1.xml")
                .replace("<t:BaseShape>", "<t:Shape>").replace("</t:BaseShape>", "</t:Shape>"));
        assertEquals(500, refused.statusCode());
        assertTrue(refused.body().contains("ErrorSchemaValidation"), refused.body());
        assertEquals(known + 1, EWS.takeViolations().size());
    }

    @Test
    void sendingMeetingRequestsBreaksCalSyncsContract() throws Exception {
        post("alice", "alice-secret", sample("CreateItem.2.xml"));
        var violations = EWS.takeViolations();
        assertTrue(violations.stream().anyMatch(v -> v.contains("SendToAllAndSaveCopy")), violations.toString());
    }

    @Test
    void impersonationNeedsTheRoleAndWrongPasswordsGet401() throws Exception {
        String asAlice = sample("GetFolder.1.xml").replace("</soap:Header>", """
                <t:ExchangeImpersonation><t:ConnectingSID><t:SmtpAddress>alice@contoso.example</t:SmtpAddress>\
                </t:ConnectingSID></t:ExchangeImpersonation></soap:Header>""");
        assertTrue(post("svc", "svc-secret", asAlice).body().contains("NoError"));
        assertTrue(post("alice", "alice-secret", asAlice).body().contains("ErrorImpersonateUserDenied"));
        assertEquals(401, post("alice", "wrong", sample("GetFolder.1.xml")).statusCode());
        assertEquals("alice@contoso.example", EWS.requests().get(0).impersonated());
        assertTrue(EWS.violations().isEmpty(), EWS.violations().toString());
    }

    @Test
    void injectsThrottlingFailuresAndSlowAnswers() throws Exception {
        EWS.failNext(new EwsSimulator.Fault.ServerBusy(30_000L));
        HttpResponse<String> busy = post("alice", "alice-secret", sample("GetFolder.1.xml"));
        assertEquals(500, busy.statusCode());
        assertTrue(busy.body().contains("ErrorServerBusy") && busy.body().contains("30000"), busy.body());

        EWS.failNext(new EwsSimulator.Fault.HttpStatus(503));
        assertEquals(503, post("alice", "alice-secret", sample("GetFolder.1.xml")).statusCode());

        EWS.failNext(new EwsSimulator.Fault.Slow(Duration.ofMillis(400)));
        Instant sent = Instant.now();
        assertTrue(post("alice", "alice-secret", sample("GetFolder.1.xml")).body().contains("NoError"));
        assertTrue(Duration.between(sent, Instant.now()).toMillis() >= 400);

        EWS.failNext(new EwsSimulator.Fault.InvalidSyncState());
        assertTrue(post("alice", "alice-secret", sample("SyncFolderItems.2.xml")).body().contains("ErrorInvalidSyncStateData"));
        assertTrue(post("alice", "alice-secret", sample("SyncFolderItems.2.xml")).body().contains("ErrorInvalidSyncStateData"),
                "a state the server never issued is invalid too");
        assertTrue(EWS.violations().isEmpty(), EWS.violations().toString());
    }

}
