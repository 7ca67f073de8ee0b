package org.calsync.infrastructure.provider.ews;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import microsoft.exchange.webservices.data.core.ExchangeService;

import org.calsync.domain.model.calendar.ProviderConnection;
import org.calsync.domain.model.calendar.ServerOptions;

/**
 * Exchange services kept between calls, per sign-in, so that a run over many mailboxes reuses its HTTP
 * connections (and with them TLS sessions and NTLM's signed-in connection) instead of building a client
 * for every call. A service serves one call at a time, and only calls with the same address, credentials
 * and options; the mailbox it impersonates is set per call. Idle services are closed well before a server
 * drops their connection (IIS after two minutes).
 */
final class EwsServicePool {

    static final Duration IDLE_LIMIT = Duration.ofSeconds(20);

    private final Map<String, Deque<Idle>> idle = new ConcurrentHashMap<>();
    private volatile Instant lastSweep = Instant.now();

    private record Idle(ExchangeService service, Instant since) {
    }

    EwsSession lease(ProviderConnection connection) {
        sweepNowAndThen();
        String key = key(connection);
        Deque<Idle> free = idle.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        for (Idle candidate = free.pollFirst(); candidate != null; candidate = free.pollFirst()) {
            if (fresh(candidate)) {
                return new EwsSession(candidate.service(), connection, service -> giveBack(free, service));
            }
            candidate.service().close();
        }
        return new EwsSession(EwsSession.newService(connection), connection, service -> giveBack(free, service));
    }

    /** Services idle now, for tests and figures. */
    int idleCount() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }

    private static void giveBack(Deque<Idle> free, ExchangeService service) {
        // Most recently used first, so that the warmest connection serves the next call.
        free.addFirst(new Idle(service, Instant.now()));
    }

    private static boolean fresh(Idle candidate) {
        return Duration.between(candidate.since(), Instant.now()).compareTo(IDLE_LIMIT) < 0;
    }

    /** Closes services nobody used lately, e.g. those signed in with a password that has since changed. */
    private void sweepNowAndThen() {
        if (Duration.between(lastSweep, Instant.now()).compareTo(IDLE_LIMIT) < 0) {
            return;
        }
        lastSweep = Instant.now();
        idle.values().forEach(free -> free.removeIf(candidate -> {
            if (fresh(candidate)) {
                return false;
            }
            candidate.service().close();
            return true;
        }));
        idle.values().removeIf(Deque::isEmpty);
    }

    /** Everything a service is built with, hashed so that neither the password nor a near miss can match. */
    static String key(ProviderConnection connection) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {connection.server().toString(), connection.username(), connection.secret()}) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            ServerOptions options = connection.options();
            for (Object part : new Object[] {options.signIn(), options.exchangeRelease(), options.trustedCertificates()}) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
