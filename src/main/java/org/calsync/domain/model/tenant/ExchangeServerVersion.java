package org.calsync.domain.model.tenant;

import java.util.Optional;

/**
 * The Exchange release a tenant runs, and the build numbers Exchange reports for it (ServerVersionInfo).
 * Requests are written in the newest schema both the release and the EWS Java API know: Exchange 2010's,
 * 2010 SP1's, or 2010 SP2's, which the 2010 SP3 to Subscription Edition servers accept. A server refuses
 * requests written for a release newer than its own, so an older server needs its own release chosen.
 */
public enum ExchangeServerVersion {
    EXCHANGE_2010("Exchange 2010", 14, 0),
    EXCHANGE_2010_SP1("Exchange 2010 SP1", 14, 1),
    EXCHANGE_2010_SP2("Exchange 2010 SP2 or SP3", 14, 2),
    EXCHANGE_2013("Exchange 2013", 15, 0),
    EXCHANGE_2016("Exchange 2016", 15, 1),
    EXCHANGE_2019("Exchange 2019 / Subscription Edition", 15, 2);

    private final String label;
    private final int major;
    private final int minor;

    ExchangeServerVersion(String label, int major, int minor) {
        this.label = label;
        this.major = major;
        this.minor = minor;
    }

    public String label() {
        return label;
    }

    /** The release a server reporting this version runs; 14.3 is 2010 SP3, which speaks SP2's schema. */
    public static Optional<ExchangeServerVersion> ofBuild(int major, int minor) {
        ExchangeServerVersion match = null;
        for (ExchangeServerVersion version : values()) {
            if (version.major == major && version.minor <= minor) {
                match = version;
            }
        }
        return Optional.ofNullable(match);
    }
}
