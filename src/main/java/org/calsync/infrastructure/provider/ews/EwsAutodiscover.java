package org.calsync.infrastructure.provider.ews;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.logging.Logger;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;

import microsoft.exchange.webservices.data.autodiscover.AutodiscoverService;
import microsoft.exchange.webservices.data.autodiscover.enumeration.AutodiscoverErrorCode;
import microsoft.exchange.webservices.data.autodiscover.enumeration.UserSettingName;
import microsoft.exchange.webservices.data.autodiscover.response.GetUserSettingsResponse;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;
import microsoft.exchange.webservices.data.core.exception.http.EWSHttpException;
import microsoft.exchange.webservices.data.core.exception.misc.ArgumentException;
import microsoft.exchange.webservices.data.core.exception.service.local.ServiceLocalException;
import microsoft.exchange.webservices.data.core.request.HttpWebRequest;

import org.calsync.domain.model.calendar.AuthorisationLostException;
import org.calsync.domain.model.calendar.FailureKind;
import org.calsync.domain.model.calendar.ServerOptions;
import org.calsync.domain.model.calendar.ProviderUnavailableException;

/**
 * SOAP Autodiscover ({@code GetUserSettings}) for a mailbox. The endpoints are tried in the order Microsoft
 * documents for a domain: {@code https://domain/autodiscover/autodiscover.svc}, then
 * {@code https://autodiscover.domain/...}, then the host the {@code _autodiscover._tcp} SRV record names.
 * The EWS API follows redirections an endpoint answers. The internal EWS address wins over the external
 * one, since CalSync runs inside the organisation.
 */
final class EwsAutodiscover {

    static final String SERVICE_PATH = "/autodiscover/autodiscover.svc";
    private static final Logger LOG = Logger.getLogger(EwsAutodiscover.class.getName());

    /** Endpoint templates with {domain}; empty for the documented order. */
    private final List<String> endpointTemplates;

    EwsAutodiscover(List<String> endpointTemplates) {
        this.endpointTemplates = List.copyOf(endpointTemplates);
    }

    URI discover(String mailbox, String username, String password, ServerOptions options) {
        String domain = mailbox.substring(mailbox.indexOf('@') + 1).toLowerCase();
        List<String> attempts = new ArrayList<>();
        AuthorisationLostException refused = null;
        for (URI endpoint : candidates(domain)) {
            try {
                URI found = ask(endpoint, mailbox, username, password, options);
                if (found != null) {
                    LOG.info(() -> "Autodiscover at " + endpoint + " gave " + found + " for " + mailbox);
                    return found;
                }
                attempts.add(endpoint + ": no EWS address for " + mailbox);
            } catch (AutodiscoverAnswer answer) {
                attempts.add(endpoint + ": " + answer.getMessage());
            } catch (Exception e) {
                RuntimeException meaning = EwsFailures.translate(e, endpoint.getHost());
                if (meaning instanceof AuthorisationLostException lost) {
                    refused = lost;
                    attempts.add(endpoint + ": refused the sign-in");
                } else {
                    attempts.add(endpoint + ": " + reason(e, meaning));
                }
            }
        }
        LOG.warning(() -> "Autodiscover found nothing for " + mailbox + ": " + attempts);
        if (refused != null) {
            throw new AuthorisationLostException("Autodiscover refused the sign-in of " + username + ". Tried "
                    + String.join("; ", attempts) + ".");
        }
        throw new ProviderUnavailableException(FailureKind.OTHER,
                "Autodiscover found no EWS address for " + mailbox + ". Tried "
                + String.join("; ", attempts) + ". Enter the EWS address instead.", null, null);
    }

    private static URI ask(URI endpoint, String mailbox, String username, String password, ServerOptions options)
            throws Exception {
        TrustingAutodiscoverService service = EwsTls.constructTrusting(
                options.trustedCertificates(), () -> TrustingAutodiscoverService.at(endpoint));
        try {
            EwsSession.signIn(service, username, password, options);
            GetUserSettingsResponse response = service.getUserSettings(mailbox, UserSettingName.InternalEwsUrl,
                    UserSettingName.ExternalEwsUrl);
            if (response.getErrorCode() != AutodiscoverErrorCode.NoError) {
                throw new AutodiscoverAnswer(response.getErrorCode() + " (" + response.getErrorMessage() + ")");
            }
            Object internal = response.getSettings().get(UserSettingName.InternalEwsUrl);
            Object external = response.getSettings().get(UserSettingName.ExternalEwsUrl);
            Object url = internal != null ? internal : external;
            return url == null ? null : URI.create(url.toString());
        } catch (Exception e) {
            // The API reads any answer as SOAP, whatever its status: a 401's empty body fails as a parse error.
            int status = service.lastStatus();
            throw status >= 400 ? EwsFailures.http(status, endpoint.getHost()) : e;
        } finally {
            service.close();
        }
    }

    /** Where to ask, in order; a configured list replaces the documented one (for labs and tests). */
    List<URI> candidates(String domain) {
        List<URI> endpoints = new ArrayList<>();
        if (!endpointTemplates.isEmpty()) {
            endpointTemplates.forEach(t -> endpoints.add(URI.create(t.strip().replace("{domain}", domain))));
            return endpoints;
        }
        endpoints.add(URI.create("https://" + domain + SERVICE_PATH));
        endpoints.add(URI.create("https://autodiscover." + domain + SERVICE_PATH));
        srvTargets(domain).forEach(target -> endpoints.add(URI.create("https://" + target + SERVICE_PATH)));
        return endpoints;
    }

    /** Host (and port when not 443) of each {@code _autodiscover._tcp} SRV record, by priority then weight. */
    static List<String> srvTargets(String domain) {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        environment.put("com.sun.jndi.dns.timeout.initial", "2000");
        environment.put("com.sun.jndi.dns.timeout.retries", "1");
        List<String[]> records = new ArrayList<>();
        try {
            Attribute srv = new InitialDirContext(environment)
                    .getAttributes("_autodiscover._tcp." + domain, new String[] {"SRV"}).get("SRV");
            if (srv != null) {
                NamingEnumeration<?> values = srv.getAll();
                while (values.hasMore()) {
                    String[] parts = values.next().toString().trim().split("\\s+");
                    if (parts.length == 4) {
                        records.add(parts);
                    }
                }
            }
        } catch (NamingException | RuntimeException none) {
            return List.of();
        }
        records.sort(Comparator.<String[]>comparingInt(r -> Integer.parseInt(r[0]))
                .thenComparing(r -> -Integer.parseInt(r[1])));
        return records.stream().map(r -> {
            String host = r[3].endsWith(".") ? r[3].substring(0, r[3].length() - 1) : r[3];
            return "443".equals(r[2]) ? host : host + ":" + r[2];
        }).toList();
    }

    private static String reason(Exception failure, RuntimeException meaning) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.UnknownHostException) {
                return "no such host";
            }
            if (cause instanceof java.net.ConnectException) {
                return "nothing answers there";
            }
            if (cause instanceof javax.net.ssl.SSLException) {
                return "its certificate is not trusted (" + cause.getMessage() + ")";
            }
        }
        return meaning.getMessage();
    }

    /** An Autodiscover endpoint that answered, but with an error code. */
    private static final class AutodiscoverAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        AutodiscoverAnswer(String message) {
            super(message, null, false, false);
        }
    }

    /** An AutodiscoverService whose connections check certificates as {@link EwsTls} says. */
    private static final class TrustingAutodiscoverService extends AutodiscoverService {

        private final javax.net.ssl.TrustManager trust;
        private volatile HttpWebRequest last;

        private TrustingAutodiscoverService(URI endpoint) throws ArgumentException {
            // SOAP Autodiscover needs at least 2010 in the request; it answers the same for every later release.
            super(endpoint, endpoint.getHost(), ExchangeVersion.Exchange2010);
            this.trust = EwsTls.pending();
        }

        static TrustingAutodiscoverService at(URI endpoint) {
            try {
                return new TrustingAutodiscoverService(endpoint);
            } catch (ArgumentException e) {
                throw new IllegalArgumentException("Not an Autodiscover address: " + endpoint, e);
            }
        }

        @Override
        public HttpWebRequest prepareHttpWebRequestForUrl(URI url) throws ServiceLocalException, URISyntaxException {
            last = super.prepareHttpWebRequestForUrl(url);
            return last;
        }

        /** The HTTP status of the last answer, or 0 when none came. */
        int lastStatus() {
            try {
                return last == null ? 0 : last.getResponseCode();
            } catch (EWSHttpException | RuntimeException none) {
                return 0;
            }
        }

        @Override
        protected org.apache.http.config.Registry<org.apache.http.conn.socket.ConnectionSocketFactory>
                createConnectionSocketFactoryRegistry() {
            return EwsTls.registry(EwsTls.pending() != null ? EwsTls.pending() : trust);
        }
    }
}
