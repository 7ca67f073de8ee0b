package org.calsync.domain.model.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.calsync.domain.shared.FieldError;
import org.calsync.domain.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ExchangeSettingsTest {

    private static final String URL = "https://mail.northwind.example/EWS/Exchange.asmx";

    private static List<String> fields(Runnable change) {
        return assertThrows(InvalidInputException.class, change::run).errors().stream().map(FieldError::field).toList();
    }

    @Test
    void theAddressAndTheServiceAccountAreRequiredEachWithItsOwnMessage() {
        ExchangeSettings settings = new ExchangeSettings(new TenantId("t1"));
        assertEquals(List.of("ewsUrl", "serviceUsername", "servicePassword"), fields(() -> settings.change(null, null,
                ExchangeServerVersion.EXCHANGE_2016, ExchangeAuthMode.SERVICE_ACCOUNT_IMPERSONATION,
                ExchangeSettings.AuthScheme.NTLM, " ", null, null)));
        assertEquals(List.of("ewsUrl"), fields(() -> settings.change(null, null, ExchangeServerVersion.EXCHANGE_2016,
                ExchangeAuthMode.PER_USER, ExchangeSettings.AuthScheme.NTLM, null, null, null)));
        assertEquals(List.of("ewsUrl"), fields(() -> settings.change("mail.northwind.example", null,
                ExchangeServerVersion.EXCHANGE_2016, ExchangeAuthMode.PER_USER, ExchangeSettings.AuthScheme.NTLM, null, null,
                null)));
        assertEquals(List.of("trustedCertificates"), fields(() -> settings.change(URL, null, ExchangeServerVersion.EXCHANGE_2016,
                ExchangeAuthMode.PER_USER, ExchangeSettings.AuthScheme.BASIC, null, null, "not a certificate")));
    }

    @Test
    void aBlankPasswordKeepsTheStoredOneAndPerUserModeForgetsTheServiceAccount() {
        ExchangeSettings settings = new ExchangeSettings(new TenantId("t1"));
        settings.change(URL, null, ExchangeServerVersion.EXCHANGE_2019, ExchangeAuthMode.SERVICE_ACCOUNT_IMPERSONATION,
                ExchangeSettings.AuthScheme.NTLM, "NORTHWIND\\svc-calsync", "cipher-1", null);
        settings.change(URL, null, ExchangeServerVersion.EXCHANGE_2019, ExchangeAuthMode.SERVICE_ACCOUNT_IMPERSONATION,
                ExchangeSettings.AuthScheme.NTLM, "NORTHWIND\\svc-calsync", null, null);
        assertEquals("cipher-1", settings.serviceSecretCipher());
        assertTrue(settings.usesServiceAccount());

        settings.change(URL, null, ExchangeServerVersion.EXCHANGE_2019, ExchangeAuthMode.PER_USER,
                ExchangeSettings.AuthScheme.NTLM, "ignored", null, null);
        assertFalse(settings.usesServiceAccount());
        assertNull(settings.serviceUsername());
        assertFalse(settings.hasServiceSecret(), "a password nobody uses is not kept");
    }

    @Test
    void autodiscoverFillsTheAddressOnlyUntilAnAdminTypesOneAndForgetsItWhenTheEmailChanges() {
        ExchangeSettings settings = new ExchangeSettings(new TenantId("t1"));
        settings.change(null, "admin@northwind.example", ExchangeServerVersion.EXCHANGE_2016, ExchangeAuthMode.PER_USER,
                ExchangeSettings.AuthScheme.NTLM, null, null, null);
        assertTrue(settings.needsAutodiscover());
        assertTrue(settings.effectiveEwsUrl().isEmpty());
        settings.discovered("https://ex01.northwind.example/EWS/Exchange.asmx");
        assertEquals("https://ex01.northwind.example/EWS/Exchange.asmx", settings.effectiveEwsUrl().orElseThrow());
        assertTrue(settings.usesDiscoveredUrl());
        java.time.Instant found = settings.updatedAt();
        settings.discovered("https://ex01.northwind.example/EWS/Exchange.asmx");
        assertEquals(found, settings.updatedAt(), "the same address found again is no change (streams stay open)");

        settings.change(null, "admin@northwind.example", ExchangeServerVersion.EXCHANGE_2019, ExchangeAuthMode.PER_USER,
                ExchangeSettings.AuthScheme.NTLM, null, null, null);
        assertFalse(settings.needsAutodiscover(), "saving the same email keeps what was found");
        settings.change(URL, "admin@northwind.example", ExchangeServerVersion.EXCHANGE_2019, ExchangeAuthMode.PER_USER,
                ExchangeSettings.AuthScheme.NTLM, null, null, null);
        settings.discovered("https://elsewhere.example/EWS/Exchange.asmx");
        assertEquals(URL, settings.effectiveEwsUrl().orElseThrow(), "an explicit URL always wins");
        settings.change(null, "it@fabrikam.example", ExchangeServerVersion.EXCHANGE_2019, ExchangeAuthMode.PER_USER,
                ExchangeSettings.AuthScheme.NTLM, null, null, null);
        assertTrue(settings.needsAutodiscover(), "another domain is discovered afresh");
    }

    @Test
    void theBuildAServerReportsNamesItsRelease() {
        assertEquals(ExchangeServerVersion.EXCHANGE_2010, ExchangeServerVersion.ofBuild(14, 0).orElseThrow());
        assertEquals(ExchangeServerVersion.EXCHANGE_2010_SP1, ExchangeServerVersion.ofBuild(14, 1).orElseThrow());
        assertEquals(ExchangeServerVersion.EXCHANGE_2010_SP2, ExchangeServerVersion.ofBuild(14, 3).orElseThrow());
        assertEquals(ExchangeServerVersion.EXCHANGE_2016, ExchangeServerVersion.ofBuild(15, 1).orElseThrow());
        assertEquals(ExchangeServerVersion.EXCHANGE_2019, ExchangeServerVersion.ofBuild(15, 2).orElseThrow());
        assertTrue(ExchangeServerVersion.ofBuild(8, 3).isEmpty(), "Exchange 2007 is not supported");
    }
}
