package org.calsync.testsupport.ews;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A stateful Exchange Web Services endpoint on loopback, for tests and demos. Every request is validated
 * against the official schemas before it is served, and every response before it is sent; a request that
 * does not validate is answered with {@code ErrorSchemaValidation} and recorded as a violation, which
 * fails the test that caused it. Users sign in with Basic or NTLM; a service account may impersonate any
 * mailbox through the {@code ExchangeImpersonation} header. Faults are injected per request. The server
 * reports an Exchange build and refuses requests written for a newer release. Autodiscover answers at
 * {@code /autodiscover/autodiscover.svc}. Streaming notifications are served by {@link SimulatedNotifications}.
 * <p>
 * Run it on its own with {@code java ... EwsSimulator 8081}: it serves mailboxes for alice and bob.
 */
public final class EwsSimulator implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, String> ownMailbox = new ConcurrentHashMap<>();
    private final Set<String> impersonators = ConcurrentHashMap.newKeySet();
    private final Map<String, SimulatedMailbox> mailboxes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final Map<String, ConcurrentLinkedQueue<String>> replays = new ConcurrentHashMap<>();
    private final List<Recorded> recorded = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private HttpServer server;
    private ExecutorService executor;
    private volatile Duration latency = Duration.ZERO;
    /** While throttling: when the back-off Exchange asked for ends; null when not throttling. */
    private volatile Instant throttledUntil;
    private final SimulatedSignIn signIn = new SimulatedSignIn(passwords);
    private volatile Release release = Release.EXCHANGE_2016;
    private int port;
    private final SimulatedAutodiscover autodiscover = new SimulatedAutodiscover(this);
    private final SimulatedNotifications notifications = new SimulatedNotifications(this);

    /** A person who signs in with their own domain account and reaches their own mailbox. */
    public EwsSimulator withUser(String user, String password, String smtp) {
        passwords.put(user.toLowerCase(), password);
        ownMailbox.put(user.toLowerCase(), smtp.toLowerCase());
        mailbox(smtp);
        return this;
    }

    /** A service account holding the ApplicationImpersonation role. */
    public EwsSimulator withServiceAccount(String user, String password) {
        passwords.put(user.toLowerCase(), password);
        impersonators.add(user.toLowerCase());
        return this;
    }

    public SimulatedMailbox mailbox(String smtp) {
        return mailboxes.computeIfAbsent(smtp.toLowerCase(), address -> new SimulatedMailbox(address, notifications::changed));
    }

    public void changePassword(String user, String password) {
        passwords.put(user.toLowerCase(), password);
    }

    public void revokeImpersonation(String user) {
        impersonators.remove(user.toLowerCase());
    }

    /** Every request adds this delay, like a server across a WAN. */
    public void latency(Duration perRequest) {
        this.latency = perRequest;
    }

    /** The next request of this operation is answered with this response instead of being served. */
    public void replayNext(String operation, String responseXml) {
        replays.computeIfAbsent(operation, key -> new ConcurrentLinkedQueue<>()).add(responseXml);
    }

    /**
     * Subscribe must carry the affinity headers, and GetStreamingEvents the back end cookie Subscribe set, as on
     * Exchange 2013 and later when mailboxes of one connection may sit on different servers.
     */
    public EwsSimulator requireAffinity() {
        notifications.affinityRequired = true;
        return this;
    }

    /** How often an open streaming connection says it is alive when nothing happens (Exchange: some seconds). */
    public void streamHeartbeat(Duration every) {
        notifications.heartbeat = every;
    }

    /** Streaming connections end after this long instead of the client's ConnectionTimeout (in minutes). */
    public void streamLifetime(Duration lifetime) {
        notifications.lifetime = lifetime;
    }

    /** Drops every open streaming connection at once, without a closing message. */
    public void dropStreams() {
        notifications.dropConnections();
    }

    /** Open streams say they lost notifications (ErrorMissedNotificationEvents), whose changes are never told. */
    public void missNotifications() {
        notifications.missNotifications();
    }

    /** Forgets every subscription, as a mailbox server restart does. */
    public void forgetSubscriptions() {
        notifications.forgetSubscriptions();
    }

    /** The mailbox of every live subscription, one entry each, sorted: a mailbox subscribed twice shows twice. */
    public List<String> subscribedMailboxes() {
        return notifications.subscribedMailboxes();
    }

    /**
     * The mailbox of every subscription an open streaming connection carries, one entry each, sorted: a mailbox
     * listened to on two connections shows twice, one nobody listens to not at all.
     */
    public List<String> streamedMailboxes() {
        return notifications.streamedMailboxes();
    }

    public int openStreams() {
        return notifications.openConnections();
    }

    /** The mailbox of every live pull subscription, one entry each, sorted. */
    public List<String> pullSubscribedMailboxes() {
        return notifications.pullSubscribedMailboxes();
    }

    /**
     * Exchange throttles CalSync: the next call is answered ErrorServerBusy with this BackOffMilliseconds, and any
     * call that arrives before the back-off ends, of any operation, is answered the same way and recorded as a
     * violation, since a client that respects the back-off sends none.
     */
    public void throttle(Duration backOff) {
        failNext(new Fault.Throttle(backOff));
    }

    /** When the back-off of the last throttle ends, or null before any. */
    public Instant throttledUntil() {
        return throttledUntil;
    }

    /** How many GetStreamingEvents connections were answered so far. */
    public int streamsServed() {
        return notifications.connectionsServed();
    }

    /**
     * The next request (of any operation but the streaming ones, which {@link #dropStreams()} and
     * {@link #forgetSubscriptions()} disturb) meets this fault instead of being served.
     */
    public void failNext(Fault fault) {
        faults.add(fault);
    }

    public URI url() {
        String scheme = server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/EWS/Exchange.asmx");
    }

    /** How many requests came without (valid) credentials and were answered 401 with a challenge. */
    public int challenges() {
        return signIn.challenges();
    }

    /** Which sign-in schemes the server offers; Basic and NTLM unless told otherwise. */
    public EwsSimulator offering(SimulatedSignIn.Offered schemes) {
        signIn.offer(schemes);
        return this;
    }

    /** The Exchange build the server reports, and whose request versions it accepts. */
    public EwsSimulator runningRelease(Release running) {
        this.release = running;
        return this;
    }

    /** Serves over TLS with this server certificate, as an Exchange server with a private CA's certificate would. */
    public void startHttps(javax.net.ssl.SSLContext tls) throws IOException {
        com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(
                new InetSocketAddress("127.0.0.1", 0), 64);
        https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
        server = https;
        executor = Executors.newCachedThreadPool(); // streaming connections each hold a thread
        server.setExecutor(executor);
        serveContexts();
    }

    private void serveContexts() {
        server.createContext("/EWS/Exchange.asmx", this::serve);
        server.createContext(SimulatedAutodiscover.PATH, exchange -> autodiscover.serve(exchange, signIn));
        server.start();
    }

    /** Where Autodiscover answers on this simulator. */
    public URI autodiscoverUrl() {
        return url().resolve(SimulatedAutodiscover.PATH);
    }

    /** Autodiscover first answers RedirectUrl (to itself, one hop on), as a load-balanced front end may. */
    public void redirectAutodiscover(boolean redirect) {
        autodiscover.redirectFirst(redirect);
    }

    boolean hasMailbox(String smtp) {
        return mailboxes.containsKey(smtp.toLowerCase());
    }

    void recordAutodiscover(Recorded request) {
        recorded.add(request);
    }

    void autodiscoverBroken(String what) {
        violations.add("autodiscover: " + what);
    }

    public List<Recorded> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    public void clearRequests() {
        recorded.clear();
    }

    /** Requests or responses that broke the schema, or CalSync's contract; must stay empty. */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** The violations so far, forgetting them: for a test that broke the schema on purpose. */
    public List<String> takeViolations() {
        synchronized (violations) {
            List<String> taken = List.copyOf(violations);
            violations.clear();
            return taken;
        }
    }

    /**
     * GetUserAvailability: the busy times of every mailbox asked for, whoever signs in, as Exchange's
     * free/busy service shows them to the organisation. An unknown address gets its own error response.
     */
    String availability(Element request) {
        RequestTimeZone zone = new RequestTimeZone(EwsXml.child(request, EwsSchema.TYPES, "TimeZone"));
        Element window = EwsXml.child(EwsXml.child(request, EwsSchema.TYPES, "FreeBusyViewOptions"), EwsSchema.TYPES,
                "TimeWindow");
        Instant from = zone.instant(java.time.LocalDateTime.parse(EwsXml.text(window, EwsSchema.TYPES, "StartTime")));
        Instant to = zone.instant(java.time.LocalDateTime.parse(EwsXml.text(window, EwsSchema.TYPES, "EndTime")));
        if (Duration.between(from, to).toDays() > 42) {
            contractBroken("GetUserAvailability for more than 42 days (" + from + " to " + to + ")");
        }
        List<Element> mailboxData = EwsXml.all(EwsXml.child(request, EwsSchema.MESSAGES, "MailboxDataArray"),
                EwsSchema.TYPES, "MailboxData");
        if (mailboxData.size() > 100) {
            contractBroken("GetUserAvailability for " + mailboxData.size() + " mailboxes; Exchange allows 100");
        }
        StringBuilder responses = new StringBuilder();
        for (Element data : mailboxData) {
            String address = EwsXml.text(EwsXml.child(data, EwsSchema.TYPES, "Email"), EwsSchema.TYPES, "Address");
            SimulatedMailbox mailbox = address == null ? null : mailboxes.get(address.toLowerCase());
            if (mailbox == null) {
                responses.append("<m:FreeBusyResponse><m:ResponseMessage ResponseClass=\"Error\"><m:MessageText>")
                        .append("No mailbox with such an address.</m:MessageText><m:ResponseCode>ErrorMailRecipientNotFound")
                        .append("</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:ResponseMessage>")
                        .append("</m:FreeBusyResponse>");
                continue;
            }
            StringBuilder events = new StringBuilder();
            for (SimulatedItem item : mailbox.items()) {
                if (item.start == null || !item.end.isAfter(from) || !item.start.isBefore(to) || item.recurring()) {
                    continue;
                }
                events.append("<t:CalendarEvent><t:StartTime>").append(zone.localText(item.start))
                        .append("</t:StartTime><t:EndTime>").append(zone.localText(item.end))
                        .append("</t:EndTime><t:BusyType>").append(item.freeBusy).append("</t:BusyType></t:CalendarEvent>");
            }
            responses.append("<m:FreeBusyResponse><m:ResponseMessage ResponseClass=\"Success\"><m:ResponseCode>NoError")
                    .append("</m:ResponseCode></m:ResponseMessage><m:FreeBusyView><t:FreeBusyViewType>FreeBusy")
                    .append("</t:FreeBusyViewType><t:CalendarEventArray>").append(events)
                    .append("</t:CalendarEventArray></m:FreeBusyView></m:FreeBusyResponse>");
        }
        return EwsXml.answer("""
                <m:GetUserAvailabilityResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" \
                xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">
                  <m:FreeBusyResponseArray>%s</m:FreeBusyResponseArray>
                </m:GetUserAvailabilityResponse>""".formatted(responses));
    }

    /** A request that validates but breaks what CalSync promises, e.g. to send no meeting requests. */
    void contractBroken(String what) {
        violations.add("contract: " + what);
    }

    public void start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        executor = Executors.newCachedThreadPool(); // streaming connections each hold a thread
        server.setExecutor(executor);
        serveContexts();
    }

    public void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    /** Listens on this port when started as a test extension (0: any free one). */
    public EwsSimulator onPort(int port) {
        this.port = port;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start(port);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!latency.isZero()) {
                Thread.sleep(latency.toMillis());
            }
            SimulatedSignIn.SignedIn caller = signIn.check(exchange);
            if (caller == null) {
                return;
            }
            String user = caller.user();
            Document request;
            try {
                request = EwsSchema.validate(body);
            } catch (EwsSchema.SchemaViolation violation) {
                violations.add("request: " + violation.getMessage() + "\n" + body);
                send(exchange, 500, EwsXml.fault("ErrorSchemaValidation", violation.getMessage()));
                return;
            }
            Element operation = EwsSchema.children(EwsXml.child(request.getDocumentElement(), EwsSchema.SOAP, "Body")).get(0);
            String impersonated = EwsXml.impersonatedSmtp(request);
            String requestVersion = EwsXml.requestVersion(request);
            recorded.add(new Recorded(operation.getLocalName(), user, impersonated, Instant.now(), body, caller.scheme(),
                    requestVersion));
            if (!release.accepts(requestVersion)) {
                respond(exchange, 500, EwsXml.fault("ErrorInvalidServerVersion", "The specified server version is invalid."));
                return;
            }
            Instant until = throttledUntil;
            if (until != null && Instant.now().isBefore(until)) {
                violations.add("contract: " + operation.getLocalName() + " sent " + Duration.between(Instant.now(), until)
                        .toMillis() + " ms before the back-off Exchange asked for ended");
                send(exchange, 500, EwsXml.serverBusy(Duration.between(Instant.now(), until).toMillis()));
                return;
            }
            String replay = replays.getOrDefault(operation.getLocalName(), new ConcurrentLinkedQueue<>()).poll();
            if (replay != null) {
                send(exchange, 200, replay);
                return;
            }
            // Streaming calls come and go on their own; faults meant for a test's calls are not spent on them.
            Fault fault = SimulatedNotifications.OPERATIONS.contains(operation.getLocalName()) ? null : faults.poll();
            if (fault instanceof Fault.Throttle throttle) {
                throttledUntil = Instant.now().plus(throttle.backOff());
            }
            if (fault != null && fault.apply(exchange, operation.getLocalName())) {
                return;
            }
            String smtp;
            if (impersonated != null) {
                if (!impersonators.contains(user)) {
                    respond(exchange, 200, EwsOperations.error(operation.getLocalName(), "ErrorImpersonateUserDenied",
                            "The account does not have permission to impersonate the requested user."));
                    return;
                }
                smtp = impersonated.toLowerCase();
                if (!mailboxes.containsKey(smtp)) {
                    respond(exchange, 200, EwsOperations.error(operation.getLocalName(), "ErrorNonExistentMailbox",
                            "No mailbox with such guid."));
                    return;
                }
            } else {
                smtp = ownMailbox.get(user);
                if (smtp == null) {
                    respond(exchange, 200, EwsOperations.error(operation.getLocalName(), "ErrorMissingEmailAddress",
                            "This account has no mailbox of its own."));
                    return;
                }
            }
            switch (operation.getLocalName()) {
                case "Subscribe" -> respond(exchange, 200, notifications.subscribe(exchange, operation, mailbox(smtp), impersonated != null));
                case "Unsubscribe" -> respond(exchange, 200, notifications.unsubscribe(operation));
                case "GetStreamingEvents" -> notifications.stream(exchange, operation);
                case "GetEvents" -> respond(exchange, 200, notifications.getEvents(exchange, operation));
                default -> respond(exchange, 200, new EwsOperations(mailbox(smtp), this).handle(operation, fault));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            violations.add("simulator failure: " + e);
            send(exchange, 500, EwsXml.fault("ErrorInternalServerError", String.valueOf(e)));
        }
    }

    /** A response that breaks the schema is a violation; it is sent all the same, as a faulty server would. */
    void validateResponse(String xml) {
        try {
            EwsSchema.validate(xml);
        } catch (EwsSchema.SchemaViolation violation) {
            violations.add("response: " + violation.getMessage() + "\n" + xml);
        }
    }

    private void respond(HttpExchange exchange, int status, String answer) throws IOException {
        String xml = answer.replaceFirst("<h:ServerVersionInfo [^>]*?(?= xmlns:h=)", java.util.regex.Matcher.quoteReplacement(release.header()));
        validateResponse(xml);
        send(exchange, status, xml);
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** One request as it arrived, for assertions on what the adapter sent and when. */
    public record Recorded(String operation, String user, String impersonated, Instant at, String body, String scheme,
            String requestVersion) {
    }

    /**
     * The Exchange build the simulator says it runs (ServerVersionInfo). It refuses requests written for a
     * newer release with ErrorInvalidServerVersion, as Exchange does.
     */
    public record Release(int major, int minor, int build, int revision, String version) {

        public static final Release EXCHANGE_2016 = new Release(15, 1, 2507, 6, "V2017_07_11");
        public static final Release EXCHANGE_2010_SP1 = new Release(14, 1, 218, 15, "Exchange2010_SP1");
        /** Before streaming notifications: pull subscriptions only. */
        public static final Release EXCHANGE_2010 = new Release(14, 0, 639, 21, "Exchange2010");

        boolean accepts(String requestVersion) {
            int[] needs = switch (requestVersion == null ? "Exchange2007" : requestVersion) {
                case "Exchange2007", "Exchange2007_SP1" -> new int[] {8, 0};
                case "Exchange2010" -> new int[] {14, 0};
                case "Exchange2010_SP1" -> new int[] {14, 1};
                case "Exchange2010_SP2" -> new int[] {14, 2};
                case "Exchange2013", "Exchange2013_SP1" -> new int[] {15, 0};
                default -> new int[] {15, 1};
            };
            return major > needs[0] || major == needs[0] && minor >= needs[1];
        }

        String header() {
            return "<h:ServerVersionInfo MajorVersion=\"%d\" MinorVersion=\"%d\" MajorBuildNumber=\"%d\" MinorBuildNumber=\"%d\" Version=\"%s\""
                    .formatted(major, minor, build, revision, version);
        }
    }

    /** What can go wrong with the next request. */
    public sealed interface Fault {

        /** Answers instead of the operation, or (for a per-operation fault) leaves it to the handler; true when answered. */
        default boolean apply(HttpExchange exchange, String operation) throws IOException, InterruptedException {
            return false;
        }

        /** ErrorServerBusy, with or without BackOffMilliseconds, over HTTP 500 as Exchange does. */
        record ServerBusy(Long backOffMillis) implements Fault {
            @Override
            public boolean apply(HttpExchange exchange, String operation) throws IOException {
                send(exchange, 500, EwsXml.serverBusy(backOffMillis));
                return true;
            }
        }

        /** ErrorServerBusy with this back-off, during which the server takes no call (see {@link #throttle}). */
        record Throttle(Duration backOff) implements Fault {
            @Override
            public boolean apply(HttpExchange exchange, String operation) throws IOException {
                send(exchange, 500, EwsXml.serverBusy(backOff.toMillis()));
                return true;
            }
        }

        record HttpStatus(int status) implements Fault {
            @Override
            public boolean apply(HttpExchange exchange, String operation) throws IOException {
                send(exchange, status, status == 500 ? EwsXml.fault("ErrorInternalServerError", "Simulated failure") : "");
                return true;
            }
        }

        /** Answers normally, but only after this long. */
        record Slow(Duration delay) implements Fault {
            @Override
            public boolean apply(HttpExchange exchange, String operation) throws InterruptedException {
                Thread.sleep(delay.toMillis());
                return false;
            }
        }

        /** The next SyncFolderItems finds its state unreadable. */
        record InvalidSyncState() implements Fault {
        }
    }

    /** Standalone, for demos: {@code EwsSimulator [port]}. */
    public static void main(String[] args) throws IOException {
        EwsSimulator simulator = new EwsSimulator().withUser("alice", "alice-secret", "alice@contoso.example")
                .withUser("bob", "bob-secret", "bob@contoso.example").withServiceAccount("svc-calsync", "svc-secret");
        simulator.start(args.length > 0 ? Integer.parseInt(args[0]) : 8081);
        System.out.println("EWS simulator at " + simulator.url() + " (alice/alice-secret, bob/bob-secret, "
                + "svc-calsync/svc-secret impersonates both)");
    }
}
