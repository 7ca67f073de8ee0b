package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every page, checked in the browser as rendered: each visible field has a name a screen reader can say (a
 * label, aria-label or aria-labelledby), and each visible link or button can be reached with the Tab key.
 */
@ExtendWith(ArquillianExtension.class)
class AccessibilityUiIT {

    // Runs in the page: the fields without a name, and the actions the keyboard cannot reach.
    private static final String AUDIT = """
            var problems = [];
            function visible(e) { return !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)
                && getComputedStyle(e).visibility !== 'hidden'; }
            function describe(e) { return e.tagName.toLowerCase() + '#' + (e.id || '?') + ' ' + (e.innerText || e.value || '').trim().substring(0, 40); }
            document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach(function (e) {
                if (!visible(e) || e.disabled) { return; }
                var named = (e.labels && e.labels.length) || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')
                    || e.getAttribute('title');
                if (!named) { problems.push('unnamed field ' + describe(e)); }
            });
            document.querySelectorAll('a[href], button, [role=button], [role=checkbox], [role=radio], [role=switch]').forEach(function (e) {
                if (!visible(e) || e.disabled || e.getAttribute('aria-disabled') === 'true'
                    || e.classList.contains('ui-state-disabled')) { return; }
                // Composite widgets (a menubar, radio groups) take one Tab stop and move inside with the arrow keys.
                if (e.tabIndex < 0 && !e.closest('[role=menubar], [role=radiogroup], [role=group], .ui-selectonebutton, .ui-chkbox, .ui-radiobutton, .ui-toggleswitch')) {
                    problems.push('not reachable by Tab: ' + describe(e));
                }
            });
            return problems;""";

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @BeforeAll
    static void needsChromium() {
        Browser.requireOrSkip();
    }

    @SuppressWarnings("unchecked")
    private static List<String> audit(Browser browser, String page) {
        browser.open(page);
        browser.waitFor(org.openqa.selenium.By.tagName("h1"));
        List<String> found = new ArrayList<>();
        for (Object problem : (List<Object>) ((JavascriptExecutor) browser.driver()).executeScript(AUDIT)) {
            found.add(page + ": " + problem);
        }
        return found;
    }

    @Test
    void everyFieldHasANameAndEveryActionIsReachableByKeyboard() {
        List<String> problems = new ArrayList<>();
        try (Browser browser = new Browser(url.toString())) {
            problems.addAll(audit(browser, "login.xhtml"));
            new LoginPage(browser).signInAs("admin@northwind.example", "calsync-demo");
            for (String page : new String[] {"admin/sessions.xhtml", "admin/session.xhtml", "admin/people.xhtml",
                    "admin/person.xhtml", "admin/roles.xhtml", "admin/calendars.xhtml", "admin/settings.xhtml",
                    "admin/assistant.xhtml", "portal/index.xhtml", "portal/calendars.xhtml"}) {
                problems.addAll(audit(browser, page));
            }
        }
        assertEquals(List.of(), problems);
    }
}
