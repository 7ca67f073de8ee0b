package org.calsync.infrastructure.provider.ews;

import javax.net.ssl.TrustManager;

import org.apache.http.config.Registry;
import org.apache.http.conn.socket.ConnectionSocketFactory;

import microsoft.exchange.webservices.data.core.ExchangeService;
import microsoft.exchange.webservices.data.core.enumeration.misc.ExchangeVersion;

/** An ExchangeService whose connections check certificates as {@link EwsTls} says. */
final class TrustingExchangeService extends ExchangeService {

    /** Kept for connection factories the API builds later, such as its pooling client's. */
    private final TrustManager trust;

    private TrustingExchangeService(ExchangeVersion version) {
        super(version);
        this.trust = EwsTls.pending();
    }

    /** Always this class, so that no connection ever falls back to the API's trust-everything default. */
    static ExchangeService create(ExchangeVersion version, String pemCertificates) {
        return EwsTls.constructTrusting(pemCertificates, () -> new TrustingExchangeService(version));
    }

    @Override
    protected Registry<ConnectionSocketFactory> createConnectionSocketFactoryRegistry() {
        return EwsTls.registry(EwsTls.pending() != null ? EwsTls.pending() : trust);
    }
}
