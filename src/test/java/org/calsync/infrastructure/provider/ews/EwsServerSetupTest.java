package org.calsync.infrastructure.provider.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.EventDetails;
import org.calsync.domain.model.calendar.EventTime;
import org.calsync.domain.model.calendar.OutgoingEvent;
import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.domain.model.calendar.ServerOptions;
import org.calsync.domain.model.calendar.Staff;
import org.calsync.domain.model.calendar.SyncCursor;
import org.calsync.domain.model.calendar.TimeWindow;
import org.calsync.domain.model.tenant.ExchangeServerVersion;
import org.calsync.domain.model.tenant.ExchangeServices.ServerCheck;
import org.calsync.domain.model.tenant.ExchangeSettings.AuthScheme;
import org.calsync.domain.shared.Language;
import org.calsync.testsupport.ews.EwsSimulator;
import org.calsync.testsupport.ews.SimulatedSignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an admin sets for the tenant's Exchange, against the simulator: NTLM and Basic sign-in, the release
 * requests are written for, and Autodiscover.
 */
class EwsServerSetupTest {

    private static final String AMIRA = "amira@northwind.example";

    @RegisterExtension
    static final EwsSimulator EWS = new EwsSimulator().withUser("amira", "amira-secret", AMIRA)
            .withServiceAccount("svc-calsync", "svc-secret");

    @AfterEach
    void everyRequestValidatedAndTheServerAsBefore() {
        EWS.offering(SimulatedSignIn.Offered.BASIC_AND_NTLM);
        EWS.runningRelease(EwsSimulator.Release.EXCHANGE_2016);
        EWS.redirectAutodiscover(false);
        List<String> violations = EWS.takeViolations();
        assertTrue(violations.isEmpty(), String.join("\n\n", violations));
    }

    private static ProviderConnection amira(String password, ServerOptions options) {
        return new ProviderConnection(EWS.url(), "NORTHWIND\\amira", password, ZoneId.of("Europe/London"), null, options);
    }

    private static String lastScheme() {
        List<EwsSimulator.Recorded> requests = EWS.requests();
        return requests.get(requests.size() - 1).scheme();
    }

    @Test
    void ntlmSignsInWithTheDomainAccountAndAWrongPasswordIsRefused() {
        EWS.offering(SimulatedSignIn.Offered.NTLM_ONLY);
        EwsCalendarProvider ews = new EwsCalendarProvider();
        ServerOptions ntlm = ServerOptions.NONE.withSignIn(AuthScheme.NTLM);

        assertEquals("Calendar", ews.listCalendars(amira("amira-secret", ntlm)).get(0).displayName());
        assertEquals("NTLM", lastScheme());
        assertEquals("amira", EWS.requests().get(EWS.requests().size() - 1).user());

        AuthorisationLostException wrong = assertThrows(AuthorisationLostException.class,
                () -> ews.listCalendars(amira("not-her-password", ntlm)));
        assertTrue(wrong.getMessage().contains("refused the sign-in"), wrong.getMessage());
        AuthorisationLostException basicOnNtlmServer = assertThrows(AuthorisationLostException.class,
                () -> ews.listCalendars(amira("amira-secret", ServerOptions.NONE.withSignIn(AuthScheme.BASIC))));
        assertTrue(basicOnNtlmServer.getMessage().contains("HTTP 401"), basicOnNtlmServer.getMessage());
    }

    /** The EWS Java API wraps a refused connection twice, each time saying "The request failed."; that is not news. */
    @Test
    void aServerNobodyAnswersAtIsSaidOnceAndPlainly() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ProviderConnection nowhere = new ProviderConnection(URI.create("http://127.0.0.1:" + closed + "/EWS/Exchange.asmx"),
                "amira", "amira-secret", ZoneId.of("UTC"));
        ProviderUnavailableException down = assertThrows(ProviderUnavailableException.class,
                () -> new EwsCalendarProvider().listCalendars(nowhere));
        assertTrue(down.getMessage().startsWith("Exchange could not be reached (127.0.0.1): Connect to 127.0.0.1:" + closed),
                down.getMessage());
        assertTrue(down.getMessage().endsWith("Connection refused"), down.getMessage());
        assertTrue(!down.getMessage().contains("The request failed"), down.getMessage());
    }

    @Test
    void callsWithTheSameSignInReuseOneSignedInConnectionAndNoOtherSignInDoes() {
        EWS.offering(SimulatedSignIn.Offered.NTLM_ONLY);
        EwsCalendarProvider ews = new EwsCalendarProvider();
        ServerOptions ntlm = ServerOptions.NONE.withSignIn(AuthScheme.NTLM);
        ews.listCalendars(amira("amira-secret", ntlm));
        int challenges = EWS.challenges();
        for (int call = 0; call < 5; call++) {
            ews.listCalendars(amira("amira-secret", ntlm));
        }
        assertEquals(challenges, EWS.challenges(), "five calls on the connection NTLM signed in, no new handshake");
        assertEquals(1, ews.pool.idleCount());

        ProviderConnection service = new ProviderConnection(EWS.url(), "NORTHWIND\\svc-calsync", "svc-secret",
                ZoneId.of("UTC"), AMIRA, ntlm);
        ews.listCalendars(service);
        assertEquals(challenges + 1, EWS.challenges(), "another account signs in on a connection of its own");
        assertEquals(2, ews.pool.idleCount());
        assertThrows(AuthorisationLostException.class, () -> ews.listCalendars(amira("changed", ntlm)));
        assertEquals(2, ews.pool.idleCount(), "a failed call keeps nothing");
    }

    @Test
    void aServiceAccountSignsInWithNtlmAndActsForTheMailbox() {
        EWS.offering(SimulatedSignIn.Offered.NTLM_ONLY);
        ProviderConnection service = new ProviderConnection(EWS.url(), "NORTHWIND\\svc-calsync", "svc-secret",
                ZoneId.of("UTC"), AMIRA, ServerOptions.NONE.withSignIn(AuthScheme.NTLM));
        new EwsCalendarProvider().listCalendars(service);
        EwsSimulator.Recorded last = EWS.requests().get(EWS.requests().size() - 1);
        assertEquals("svc-calsync", last.user());
        assertEquals(AMIRA, last.impersonated());
        assertEquals("NTLM", last.scheme());
    }

    @Test
    void requestsAreWrittenForTheChosenReleaseAndAnOlderServerSaysWhatItRuns() {
        EWS.runningRelease(EwsSimulator.Release.EXCHANGE_2010_SP1);
        EwsExchangeServices services = new EwsExchangeServices();
        ServerOptions chosen2016 = ServerOptions.NONE.withExchangeRelease(ExchangeServerVersion.EXCHANGE_2016);
        ProviderUnavailableException refused = assertThrows(ProviderUnavailableException.class,
                () -> services.check(amira("amira-secret", chosen2016)));
        assertTrue(refused.getMessage().contains("older release"), refused.getMessage());
        assertEquals("Exchange2010_SP2", EWS.requests().get(EWS.requests().size() - 1).requestVersion());

        EWS.clearRequests();
        ProviderConnection chosenSp1 = amira("amira-secret", ServerOptions.NONE.withExchangeRelease(ExchangeServerVersion.EXCHANGE_2010_SP1));
        ServerCheck check = services.check(chosenSp1);
        assertEquals(new ServerCheck("Calendar", "14.1.218.15", Optional.of(ExchangeServerVersion.EXCHANGE_2010_SP1)), check);

        // The whole round trip works in 2010 SP1's schema: write, read back, delete.
        EwsCalendarProvider ews = new EwsCalendarProvider();
        String calendarId = ews.listCalendars(chosenSp1).get(0).id();
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        String uid = "calsync-" + UUID.randomUUID();
        var written = ews.put(chosenSp1, calendarId, new OutgoingEvent(uid, 0, "Payroll basics",
                new EventTime(start, start.plus(Duration.ofHours(1)), ZoneId.of("Europe/Berlin")), "Room 2", null,
                new EventDetails(null, Staff.alsoTeaching(List.of()), URI.create("https://calsync.example/sessions/9"),
                Language.ENGLISH)), null);
        var read = ews.changesSince(chosenSp1, calendarId, SyncCursor.NONE,
                new TimeWindow(start.minus(Duration.ofDays(1)), start.plus(Duration.ofDays(1))));
        assertTrue(read.changed().stream().anyMatch(e -> e.remoteId().equals(written.remoteId())
                && e.busy().get(0).start().equals(start)), read.changed().toString());
        ews.delete(chosenSp1, calendarId, written.remoteId(), null);
        assertTrue(EWS.requests().size() >= 6, EWS.requests().toString());
        assertTrue(EWS.requests().stream().allMatch(r -> "Exchange2010_SP1".equals(r.requestVersion())),
                "every request in 2010 SP1's schema");
    }

    @Test
    void autodiscoverFindsTheEwsAddressFollowingARedirectAfterAnAddressThatDoesNotAnswer() {
        EWS.redirectAutodiscover(true);
        EwsExchangeServices services = new EwsExchangeServices();
        services.autodiscoverEndpoints = Optional.of("http://127.0.0.1:9/autodiscover/autodiscover.svc,"
                + EWS.autodiscoverUrl());
        EWS.clearRequests();
        URI found = services.discoverEwsUrl(AMIRA, "NORTHWIND\\svc-calsync", "svc-secret", ServerOptions.NONE);
        assertEquals(EWS.url(), found);
        List<EwsSimulator.Recorded> asked = EWS.requests();
        assertEquals(2, asked.size(), "asked, redirected, asked again: " + asked);
        assertTrue(asked.stream().allMatch(r -> r.operation().equals("GetUserSettings") && r.user().equals("svc-calsync")));
    }

    @Test
    void autodiscoverSaysWhatEachAddressAnsweredWhenNoneGaveAnAddress() {
        EwsExchangeServices services = new EwsExchangeServices();
        services.autodiscoverEndpoints = Optional.of("http://127.0.0.1:9/autodiscover/autodiscover.svc,"
                + EWS.autodiscoverUrl());

        ProviderUnavailableException unknown = assertThrows(ProviderUnavailableException.class,
                () -> services.discoverEwsUrl("nobody@northwind.example", "svc-calsync", "svc-secret", ServerOptions.NONE));
        assertTrue(unknown.getMessage().contains("127.0.0.1:9/autodiscover/autodiscover.svc: nothing answers there"),
                unknown.getMessage());
        assertTrue(unknown.getMessage().contains("InvalidUser"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("Enter the EWS address instead"), unknown.getMessage());

        AuthorisationLostException refused = assertThrows(AuthorisationLostException.class,
                () -> services.discoverEwsUrl(AMIRA, "svc-calsync", "wrong", ServerOptions.NONE));
        assertTrue(refused.getMessage().contains("refused the sign-in of svc-calsync"), refused.getMessage());
    }

    @Test
    void autodiscoverAsksWhereMicrosoftDocumentsItInThatOrder() {
        List<URI> candidates = new EwsAutodiscover(List.of()).candidates("no-such-domain.invalid");
        assertEquals(List.of(URI.create("https://no-such-domain.invalid/autodiscover/autodiscover.svc"),
                URI.create("https://autodiscover.no-such-domain.invalid/autodiscover/autodiscover.svc")), candidates,
                "and an SRV record's host when the domain has one");
        assertEquals(List.of(URI.create("http://lab:8080/northwind.example/autodiscover.svc")),
                new EwsAutodiscover(List.of("http://lab:8080/{domain}/autodiscover.svc")).candidates("northwind.example"));
    }
}
