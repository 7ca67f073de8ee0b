package org.calsync.infrastructure.provider.ews;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;

/**
 * An ExchangeService that checks Exchange's certificate and host name like any JDK client: against the JDK's
 * trusted CAs and, when the organisation gives them, its private CA's certificates. (Left to itself, the
 * EWS Java API accepts any certificate and any host name.) The API builds its connection factories in its
 * constructor, before a subclass's fields exist, so the trust manager is handed over through a thread-local
 * for the length of that constructor.
 */
final class TrustingExchangeService extends ExchangeService {

    private static final ThreadLocal<TrustManager> PENDING = new ThreadLocal<>();

    /** Kept for connection factories the API builds later, such as its pooling client's. */
    private final TrustManager trust;

    private TrustingExchangeService(ExchangeVersion version) {
        super(version);
        this.trust = PENDING.get();
    }

    /** Always this class, so that no connection ever falls back to the API's trust-everything default. */
    static ExchangeService create(ExchangeVersion version, String pemCertificates) {
        X509TrustManager jdk = defaultTrustManager();
        PENDING.set(pemCertificates == null || pemCertificates.isBlank() ? jdk
                : new EitherTrustManager(jdk, trustManager(pemCertificates)));
        try {
            return new TrustingExchangeService(version);
        } finally {
            PENDING.remove();
        }
    }

    @Override
    protected Registry<ConnectionSocketFactory> createConnectionSocketFactoryRegistry() {
        TrustManager extra = PENDING.get() != null ? PENDING.get() : trust;
        try {
            // Not the API's own socket factory: it accepts any self-signed certificate whatever the trust manager.
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {extra}, null);
            return RegistryBuilder.<ConnectionSocketFactory>create()
                    .register("http", new PlainConnectionSocketFactory())
                    .register("https", new SSLConnectionSocketFactory(tls, new DefaultHostnameVerifier()))
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS with the organisation's certificates", e);
        }
    }

    private static X509TrustManager defaultTrustManager() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init((KeyStore) null);
            return (X509TrustManager) trust.getTrustManagers()[0];
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's trusted certificates cannot be loaded", e);
        }
    }

    /** Trusts a chain that either of two trust managers trusts. */
    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            first.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException notPublic) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] both = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
    }

    /** A trust manager for exactly the PEM certificates given. */
    static X509TrustManager trustManager(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends Certificate> certificates = factory.generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("No certificate in the PEM text");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("private-ca-" + index++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return (X509TrustManager) trust.getTrustManagers()[0];
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("The private CA certificates cannot be read: " + e.getMessage(), e);
        }
    }
}
