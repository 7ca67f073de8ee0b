package org.calsync.it.support;

import java.util.concurrent.TimeUnit;

import org.calsync.it.ui.pages.Browser;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * mock-oauth2-server as Google's and Microsoft's authorization server, on the port the build reserved
 * ({@code calsync.it.oauth.port}), where Payara was told their sign-in pages are.
 */
public final class OAuthServer implements BeforeAllCallback, AfterAllCallback {

    private MockOAuth2Server server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MockOAuth2Server();
        server.start(Integer.getInteger("calsync.it.oauth.port", 0));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.shutdown();
        }
    }

    /** The sign-in page, where the provider would ask which account to connect and for consent. */
    public void signIn(Browser browser, String username) {
        browser.waitFor(By.name("username")).sendKeys(username);
        browser.driver().findElement(By.cssSelector("input[type=submit], button[type=submit]")).click();
    }

    /**
     * Signs in with these claims in the tokens (JSON), as the account of another kind would: a personal Microsoft
     * account carries the consumer tenant's {@code tid}, for example.
     */
    public void signIn(Browser browser, String username, String claims) {
        browser.waitFor(By.name("username")).sendKeys(username);
        org.openqa.selenium.WebElement field = browser.driver().findElement(By.name("claims"));
        field.clear();
        field.sendKeys(claims);
        browser.driver().findElement(By.cssSelector("input[type=submit], button[type=submit]")).click();
    }

    /** The next request the server received at this path, skipping others. */
    public RecordedRequest takeRequestTo(String path) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                break;
            }
            if (request.getRequestUrl().encodedPath().equals(path)) {
                return request;
            }
        }
        throw new AssertionError("The authorization server never received a request to " + path);
    }
}
