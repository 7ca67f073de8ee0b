package org.calsync.domain.model.calendar;

import org.calsync.domain.model.tenant.ExchangeServerVersion;
import org.calsync.domain.model.tenant.ExchangeSettings.AuthScheme;

/**
 * What the organisation says about reaching its own calendar server, where it has a say (today, its Exchange).
 * Cloud calendars and personal CalDAV accounts have none of it: {@link #NONE}.
 *
 * @param signIn              BASIC or NTLM, where the server offers both; null lets the server's challenge decide
 * @param exchangeRelease     the Exchange release the server runs, which decides how requests are written; null for
 *                            the newest the EWS Java API knows
 * @param trustedCertificates PEM certificates of a private CA that signed the server's certificate; null to trust
 *                            only the JDK's authorities
 */
public record ServerOptions(AuthScheme signIn, ExchangeServerVersion exchangeRelease, String trustedCertificates) {

    public static final ServerOptions NONE = new ServerOptions(null, null, null);

    public ServerOptions withSignIn(AuthScheme scheme) {
        return new ServerOptions(scheme, exchangeRelease, trustedCertificates);
    }

    public ServerOptions withExchangeRelease(ExchangeServerVersion release) {
        return new ServerOptions(signIn, release, trustedCertificates);
    }

    public ServerOptions trusting(String pemCertificates) {
        return new ServerOptions(signIn, exchangeRelease, pemCertificates);
    }

    @Override
    public String toString() {
        return "ServerOptions[signIn=" + signIn + ", exchangeRelease=" + exchangeRelease + ", privateCa="
                + (trustedCertificates != null) + "]";
    }
}
