package org.calsync.infrastructure.provider.ews;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.ZoneId;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ServerOptions;
import org.calsync.domain.model.tenant.ExchangeSettings.AuthScheme;
import org.calsync.domain.model.calendar.ProviderUnavailableException;
import org.calsync.testsupport.ews.EwsSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Exchange settings that change how CalSync connects: Basic sent with the first request, and a private
 * CA's certificate trusted when (and only when) the organisation pastes it. The simulator serves over TLS
 * with a certificate made for this test.
 */
class EwsSignInAndTlsTest {

    private static final EwsSimulator EWS = new EwsSimulator().withUser("amira", "amira-secret", "amira@northwind.example");
    private static Path folder;
    private static String pem;

    @BeforeAll
    static void serveOverTls() throws Exception {
        folder = Files.createTempDirectory("calsync-ews-tls");
        Path keystore = folder.resolve("exchange.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "exchange", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        Path certificate = folder.resolve("exchange.pem");
        run(keytool, "-exportcert", "-rfc", "-alias", "exchange", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", certificate.toString());
        pem = Files.readString(certificate);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        EWS.startHttps(tls);
    }

    @AfterAll
    static void stop() throws Exception {
        EWS.stop();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
    }

    private static ProviderConnection connection(ServerOptions options) {
        return new ProviderConnection(EWS.url(), "NORTHWIND\\amira", "amira-secret", ZoneId.of("UTC"), null, options);
    }

    private static String lastScheme() {
        var requests = EWS.requests();
        return requests.get(requests.size() - 1).scheme();
    }

    @Test
    void aPrivateCaIsTrustedOnlyWhenTheOrganisationGivesItsCertificate() {
        EwsCalendarProvider ews = new EwsCalendarProvider();
        ProviderUnavailableException untrusted = assertThrows(ProviderUnavailableException.class,
                () -> ews.listCalendars(connection(ServerOptions.NONE)));
        assertTrue(untrusted.getMessage().contains("127.0.0.1"), untrusted.getMessage());
        assertEquals("Calendar", ews.listCalendars(connection(ServerOptions.NONE.trusting(pem)))
                .get(0).displayName());
        ProviderUnavailableException garbled = assertThrows(ProviderUnavailableException.class, () -> ews.listCalendars(
                connection(ServerOptions.NONE.trusting("-----BEGIN CERTIFICATE-----\nnonsense"))));
        assertTrue(garbled.getMessage().contains("cannot be"), garbled.getMessage());
        assertTrue(EWS.takeViolations().isEmpty());
    }

    @Test
    void basicIsSentWithTheFirstRequestWhileNtlmWaitsForTheServersChallenge() {
        EwsCalendarProvider ews = new EwsCalendarProvider();
        int before = EWS.challenges();
        ews.listCalendars(connection(ServerOptions.NONE.trusting(pem).withSignIn(AuthScheme.BASIC)));
        assertEquals(before, EWS.challenges(), "no round trip for a challenge");
        assertEquals("Basic", lastScheme());
        ews.listCalendars(connection(ServerOptions.NONE.trusting(pem).withSignIn(AuthScheme.NTLM)));
        assertEquals(before + 1, EWS.challenges(), "the server's challenge chooses the scheme");
        assertEquals("NTLM", lastScheme(), "NTLM over TLS, as most Exchange servers are set up");
        assertTrue(EWS.takeViolations().isEmpty());
    }
}
