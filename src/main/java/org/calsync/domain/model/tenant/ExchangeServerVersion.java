package org.calsync.domain.model.tenant;

/**
 * The Exchange release a tenant runs. Requests are written in the newest schema the release accepts that
 * the EWS Java API speaks: Exchange 2010 SP2's, which Exchange 2013, 2016 and 2019 accept too.
 */
public enum ExchangeServerVersion {
    EXCHANGE_2010("Exchange 2010 SP2"),
    EXCHANGE_2013("Exchange 2013"),
    EXCHANGE_2016("Exchange 2016"),
    EXCHANGE_2019("Exchange 2019 / Subscription Edition");

    private final String label;

    ExchangeServerVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
