package org.calsync.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person using the JSF pages over plain HTTP, with a cookie jar and no redirects followed, so that tests
 * can see each status and Location. Used where a real browser adds nothing but time.
 */
public final class Browserless {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http;

    public Browserless(URL deploymentUrl) {
        this(URI.create(deploymentUrl.toString()).resolve("/"), HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build());
    }

    private Browserless(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** The same browser, cookies and all, whose next requests a load balancer sends to another instance. */
    public Browserless movedTo(URI otherInstance) {
        return new Browserless(otherInstance.resolve("/"), http);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in through the real login form and returns the page the sign-in redirected to. */
    public Page signIn(String email, String password) {
        Page login = get("login.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("loginForm", "loginForm");
        form.put("loginForm:email", email);
        form.put("loginForm:password", password);
        form.put("loginForm:signIn", "");
        form.put("jakarta.faces.ViewState", login.viewState());
        return post("login.xhtml", form);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Page(int status, String location, String html) {

        public String viewState() {
            Matcher matcher = VIEW_STATE.matcher(html);
            if (!matcher.find()) {
                throw new AssertionError("No jakarta.faces.ViewState on the page:\n" + html);
            }
            return matcher.group(1);
        }

        public boolean contains(String text) {
            return html.contains(text);
        }
    }
}
