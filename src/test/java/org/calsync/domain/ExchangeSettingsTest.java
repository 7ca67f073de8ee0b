package org.calsync.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.calsync.domain.model.tenant.ExchangeAuthMode;
import org.calsync.domain.model.tenant.ExchangeServerVersion;
import org.calsync.domain.model.tenant.ExchangeSettings;
import org.calsync.domain.model.tenant.TenantId;
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
}
