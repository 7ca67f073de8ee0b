package org.calsync.infrastructure.provider.ews;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.Supplier;

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

/**
 * TLS for every EWS and Autodiscover call: Exchange's certificate and host name are checked like any JDK
 * client checks them, against the JDK's trusted CAs and, when the organisation gives them, its private CA's
 * certificates. (Left to itself, the EWS Java API accepts any certificate and any host name.)
 * <p>
 * The API builds its connection factories in its constructors, before a subclass's fields exist, so the
 * trust manager is handed to them through a thread-local for the length of the constructor.
 */
final class EwsTls {

    private static final ThreadLocal<TrustManager> PENDING = new ThreadLocal<>();

    private EwsTls() {
    }

    /** Builds a service while the trust for the given certificates (null: the JDK's alone) is pending. */
    static <T> T constructTrusting(String pemCertificates, Supplier<T> constructor) {
        X509TrustManager jdk = defaultTrustManager();
        PENDING.set(pemCertificates == null || pemCertificates.isBlank() ? jdk
                : new EitherTrustManager(jdk, trustManager(pemCertificates)));
        try {
            return constructor.get();
        } finally {
            PENDING.remove();
        }
    }

    /** The trust pending for a constructor under way, or null after it. */
    static TrustManager pending() {
        return PENDING.get();
    }

    /** Connection factories that check certificates; not the API's own, which accepts any self-signed one. */
    static Registry<ConnectionSocketFactory> registry(TrustManager trust) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {trust}, null);
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
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("The private CA certificates cannot be read: " + e.getMessage(), e);
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
            X509Certificate[] both = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
    }
}
