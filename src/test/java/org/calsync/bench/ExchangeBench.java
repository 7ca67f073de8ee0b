package org.calsync.bench;

import org.calsync.it.support.Api;
import org.calsync.testsupport.ews.EwsSimulator;

/** What the benchmarks against a running CalSync and the Exchange simulator share. */
final class ExchangeBench {

    private ExchangeBench() {
    }

    /** Points the demo tenant at the simulator, acting for every mailbox through its service account. */
    static void useServiceAccount(Api api, EwsSimulator ews) {
        require(api.put("exchange-settings", """
                {"ewsUrl":"%s","serverVersion":"EXCHANGE_2016","authMode":"SERVICE_ACCOUNT_IMPERSONATION",
                 "authScheme":"NTLM","serviceUsername":"svc-calsync","servicePassword":"svc-secret"}"""
                .formatted(ews.url())), 200);
    }

    static void require(Api.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("Expected " + status + ": " + reply);
        }
    }
}
