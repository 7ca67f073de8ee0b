package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.support.OtherClient;
import org.calsync.it.ui.pages.AssistantPage;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.testsupport.FixtureDates;
import org.calsync.testsupport.RadicaleServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every console and portal page, as an admin, an instructor and a learner, in English and French, at 1400 px and
 * on a 390 px phone, over realistic data: a linked calendar with busy times, one that needs reconnecting, a
 * session that could not reach a calendar, a conflict. Each page must fit the window, keep its labels and
 * controls apart, speak one language only, load without a script error or a missing resource (the favicon
 * included), and leave a screenshot under target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
class EveryPageUiIT {

    @RegisterExtension
    static final RadicaleServer RADICALE = new RadicaleServer().withUser("amira", "amira-secret")
            .withUser("tom", "tom-secret");

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** What a person reads and clicks: two of these must never cross. */
    private static final String READABLE = "label, button, a, input:not([type=hidden]), select, textarea, .ui-chkbox-box,"
            + " .ui-radiobutton-box, .ui-selectonemenu, .ui-badge, .cs-badge, .ui-tag, h1, h2, th";

    /** English words that a French page never shows outside people's own data. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(Sync now|Synced|Not connected|Needs reconnecting|Unknown|Free"
            + "|Busy|Never|Today|Save|Cancel|Remove|Delete|Edit|Search|Loading|Previous|Next|calendars|events|pushed|pulled"
            + "|ACTIVE|FAILED|CANCELLED|PAUSED|HELD|OK|Join online|Also teaching|Session details|Teaching|Attending|week|day"
            + "|No records found|Choose|Sign out|Settings|People|Roles|attempts|next)\\b");

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

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    private record Page(String path, By ready) {
    }

    @Test
    void everyPageFitsSpeaksOneLanguageAndLoadsCleanly() {
        LocalDate day = FixtureDates.fromToday().workdayAhead(3);
        String amira = api().personId("amira.haddad@northwind.example");
        String tom = api().personId("tom.becker@northwind.example");
        URI work = RADICALE.createCalendar("amira", "work");
        RADICALE.createCalendar("tom", "work");
        RADICALE.putEvent("amira", work.resolve("dentist.ics"), OtherClient.event("dentist-tour", day, 10, 12, LONDON, "Dentist"));
        URI personal = RADICALE.createCalendar("amira", "personal");
        RADICALE.putEvent("amira", personal.resolve("gym.ics"), OtherClient.event("gym-tour", day, 18, 19, LONDON, "Gym"));
        // Demo people, because the portal needs someone who can sign in; the finally block leaves them as found.
        List<String> accounts = List.of(link(amira, "amira", "amira-secret"), link(tom, "tom", "tom-secret"));
        String workshop = null;
        try {
        api().post("people/" + amira + "/sync", "");
        // Her gym session vanishes: a sync that would empty her personal calendar is held, with an alert. The sync
        // log, the alert and the hold are worded for each reader.
        RADICALE.send("amira", "DELETE", personal.resolve("gym.ics"), null, Map.of());
        String held = api().post("people/" + amira + "/sync", "").body();
        assertTrue(held.contains("\"HELD\""), "emptying her personal calendar is held: " + held);
        // Tom changes his password elsewhere: his calendar needs reconnecting and a session cannot reach it.
        try {
            RADICALE.changePassword("tom", "changed-elsewhere");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        api().post("people/" + tom + "/sync", "");
        workshop = api().post("sessions", """
                {"courseTitle":"Budget Review Tour","start":"%s","end":"%s","timeZone":"Europe/London","venue":"Room 2"}"""
                .formatted(FixtureDates.api(day.atTime(9, 0)), FixtureDates.api(day.atTime(11, 0)))).object().getString("id");
        api().post("sessions/" + workshop + "/instructors", "{\"personId\":\"" + amira + "\"}");
        api().post("sessions/" + workshop + "/instructors", "{\"personId\":\"" + tom + "\"}");
        api().post("sessions/" + workshop + "/registrations",
                "{\"personId\":\"" + api().personId("noah.williams@northwind.example") + "\"}");

        // The admin's own portal pages differ from an instructor's only by the menu, which every page shows.
        List<Page> admin = List.of(new Page("admin/sessions.xhtml", By.tagName("h1")),
                new Page("admin/session.xhtml?id=" + workshop, By.id("sessionForm:instructors")),
                new Page("admin/session.xhtml", By.id("sessionForm:save")),
                new Page("admin/people.xhtml", By.tagName("h1")),
                new Page("admin/person.xhtml?id=" + amira, By.tagName("h1")),
                new Page("admin/person-sync.xhtml?id=" + tom, By.tagName("h1")),
                new Page("admin/person-availability.xhtml?id=" + amira, By.id("kindsForm:kinds")),
                new Page("admin/roles.xhtml", By.tagName("h1")),
                new Page("admin/calendars.xhtml", By.tagName("h1")),
                new Page("admin/settings.xhtml", By.tagName("h1")));
        // A tablet: the pages whose tables have the most columns.
        List<Page> tablet = List.of(admin.get(0), admin.get(1), admin.get(3), admin.get(8));
        List<Page> portal = List.of(new Page("portal/index.xhtml?date=" + day, By.cssSelector(".fc-view")),
                new Page("portal/calendars.xhtml", By.tagName("h1")));
        // Self-booking: the instructor publishes availability, the learner books it.
        List<Page> instructorPortal = new ArrayList<>(portal);
        instructorPortal.add(new Page("portal/availability.xhtml", By.id("kindsForm:kinds")));
        List<Page> learnerPortal = new ArrayList<>(portal);
        learnerPortal.add(new Page("portal/book.xhtml", By.id("slotsForm:instructor")));

        List<String> problems = new ArrayList<>();
        for (String language : List.of("en-GB", "fr-FR")) {
            // The console must stay usable on a tablet; the portal is for phones too.
            tour(language, "admin@northwind.example", admin, new int[] {1400, 390}, problems);
            tour(language, "admin@northwind.example", tablet, new int[] {768}, problems);
            tour(language, "amira.haddad@northwind.example", instructorPortal, new int[] {1400, 390}, problems);
            tour(language, "noah.williams@northwind.example", learnerPortal, new int[] {1400, 390}, problems);
            assistant(language, List.of(amira, tom, api().personId("lucie.martin@northwind.example")), day, problems);
        }
        assertEquals(List.of(), problems);
        eventDetails(day);
        compactMenu();
        } finally {
            if (workshop != null) {
                api().post("sessions/" + workshop + "/cancel", "");
            }
            accounts.forEach(account -> api().delete("calendar-accounts/" + account));
        }
    }

    /** On a phone the menu folds behind a button, opens as a list, and marks the page one is on. */
    private void compactMenu() {
        try (Browser browser = new Browser(url.toString())) {
            new LoginPage(browser).signInAs("admin@northwind.example", "calsync-demo");
            browser.resize(390, 900);
            browser.open("admin/sessions.xhtml");
            By people = By.xpath("//*[@id='navForm:nav']//a[contains(., 'People')]");
            assertEquals(false, browser.driver().findElement(people).isDisplayed(), "folded");
            browser.waitFor(By.cssSelector(".cs-menu-toggle")).click();
            browser.waitFor(people).click();
            browser.waitForUrl("admin/people.xhtml");
            browser.resize(1400, 900);
            assertEquals("People", browser.waitFor(By.cssSelector("#navForm\\:nav .cs-current")).getText().strip(),
                    "the current page is marked in the menu");
        }
    }

    /** Clicking a session in the portal opens its details: the time in the viewer's zone, the venue, the role. */
    private void eventDetails(LocalDate day) {
        try (Browser browser = new Browser(url.toString(), "fr-FR")) {
            new LoginPage(browser).signInAs("amira.haddad@northwind.example", "calsync-demo");
            browser.open("portal/index.xhtml?date=" + day);
            browser.waitFor(By.xpath("//*[contains(@class,'fc-event')][contains(., 'Budget Review Tour')]")).click();
            browser.waitFor(By.id("detailList"));
            browser.waitForText(By.id("detailList"), "Room 2");
            browser.waitForText(By.id("detailList"), "09:00\u201311:00");
            browser.waitForText(By.id("detailList"), "J\u2019anime");
            browser.screenshot("tour-portal-event-detail-fr");
            browser.driver().findElement(By.xpath("//*[contains(@class,'ui-dialog')]//button[contains(., 'Fermer')]")).click();
            browser.waitFor(By.xpath("//*[contains(@class,'fc-event')][contains(., 'Dentist')]")).click();
            browser.waitForText(By.id("detailList"), "amira/work");
        }
    }

    private String link(String person, String user, String password) {
        Api.Reply linked = api().post("people/" + person + "/calendar-accounts", """
                {"provider":"CALDAV","serverUrl":"%s","username":"%s","password":"%s"}""".formatted(RADICALE.base(), user, password));
        assertEquals(201, linked.status(), linked.body());
        return linked.object().getString("id");
    }

    private void tour(String language, String who, List<Page> pages, int[] widths, List<String> problems) {
        try (Browser browser = new Browser(url.toString(), language)) {
            new LoginPage(browser).signInAs(who, "calsync-demo");
            for (int width : widths) {
                browser.resize(width, 900);
                for (Page page : pages) {
                    browser.open(page.path());
                    browser.waitFor(page.ready());
                    check(browser, language, who.replaceAll("[.@].*", "") + " " + page.path().replaceAll("[?]id=.*", " edit").replaceAll("[?].*", ""), width, problems);
                }
            }
        }
    }

    /**
     * The assistant over two weeks: each drawn block sits on its own day and time, on first load and after moving
     * on; the weekend, which is not chosen, is not drawn. A desktop shows a week at a time, a phone a day.
     */
    private void assistant(String language, List<String> people, LocalDate day, List<String> problems) {
        try (Browser browser = new Browser(url.toString(), language)) {
            new LoginPage(browser).signInAs("admin@northwind.example", "calsync-demo");
            for (int width : new int[] {1400, 390}) {
                browser.resize(width, 900);
                AssistantPage page = AssistantPage.open(browser).find(people, day, day.plusDays(13), "Europe/London");
                String at = "assistant (" + language + ", " + width + " px): ";
                boolean phone = width < 640;
                page.blocksOffTheirTime(phone ? List.of(day) : workdaysOfWeek(day, day, day.plusDays(13)), LocalTime.of(9, 0),
                        LocalTime.of(17, 0), LONDON).forEach(p -> problems.add(at + p));
                page.cutAxisLabels().forEach(label -> problems.add(at + "the time axis cuts its label \"" + label + "\""));
                double names = page.nameColumnShare();
                if (names > (phone ? 0.4 : 0.25)) {
                    problems.add(at + String.format("the names take %.0f%% of the timeline's width", names * 100));
                }
                check(browser, language, "admin admin/assistant.xhtml", width, problems);
                page.next();
                LocalDate nextMonday = day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                LocalDate nextWorkday = day.getDayOfWeek() == DayOfWeek.FRIDAY ? nextMonday : day.plusDays(1);
                page.blocksOffTheirTime(phone ? List.of(nextWorkday) : workdaysOfWeek(nextMonday, day, day.plusDays(13)),
                        LocalTime.of(9, 0), LocalTime.of(17, 0), LONDON).forEach(p -> problems.add(at + "next: " + p));
                page.cutAxisLabels().forEach(label -> problems.add(at + "next: the time axis cuts its label \"" + label + "\""));
                check(browser, language, "admin admin/assistant.xhtml next", width, problems);
            }
        }
    }

    /** The weekdays of the week holding the given day, within the days asked for: what the week view shows. */
    private static List<LocalDate> workdaysOfWeek(LocalDate inWeek, LocalDate from, LocalDate to) {
        LocalDate monday = inWeek.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.datesUntil(monday.plusDays(5)).filter(d -> !d.isBefore(from) && !d.isAfter(to)).toList();
    }

    private static void check(Browser browser, String language, String where, int width, List<String> problems) {
        String lang = language.substring(0, 2);
        String name = (where.replaceAll("[^a-z-]+", "-") + "-" + lang + "-" + width).replaceAll("-+", "-");
        browser.screenshotWholePage("tour-" + name);
        String at = where + " (" + lang + ", " + width + " px): ";
        browser.layoutProblems().forEach(p -> problems.add(at + p));
        browser.overlapsAmong(READABLE).forEach(p -> problems.add(at + p));
        // A box that clips sideways (a table's card on a phone) hides the end of a row of buttons without widening the page.
        browser.cutOffSideways(By.cssSelector(".ui-button, .ui-selectonemenu,"
                        // PrimeFaces' focus proxies sit in a box clipped on purpose
                        + " :not(.ui-helper-hidden-accessible) > input:not([type=hidden])"))
                .forEach(p -> problems.add(at + p));
        browser.consoleErrors().forEach(p -> problems.add(at + "console: " + p));
        Object favicon = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[0]; const link = document.querySelector('link[rel~=icon]');"
                        + " if (!link) { done('no icon link'); return; }"
                        + " fetch(link.href).then(r => done(r.ok ? 'ok' : 'icon ' + r.status)).catch(e => done('icon ' + e));");
        if (!"ok".equals(favicon)) {
            problems.add(at + favicon);
        }
        String html = (String) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.lang;");
        if (!lang.equals(html)) {
            problems.add(at + "the page says it is in '" + html + "'");
        }
        String text = browser.visibleText();
        for (String phrase : otherLanguagePhrases(lang)) {
            if (text.contains(phrase)) {
                problems.add(at + "text of the other language: \"" + phrase + "\"");
            }
        }
        if (lang.equals("fr")) {
            var english = ENGLISH.matcher(text);
            Set<String> found = new TreeSet<>();
            while (english.find()) {
                found.add(english.group());
            }
            if (!found.isEmpty()) {
                problems.add(at + "English words: " + found);
            }
        }
    }

    private static List<String> french;
    private static List<String> english;

    /** Phrases of at least three words from the other language's bundle that differ from this language's. */
    private static synchronized List<String> otherLanguagePhrases(String lang) {
        if (french == null) {
            english = new ArrayList<>();
            french = new ArrayList<>();
            // The pages' own texts, and the sync notes that the sync log, alerts and held calendars show.
            for (String bundle : List.of("interfaces/web/messages", "domain/model/sync/notes")) {
                Properties en = bundle(bundle + ".properties");
                Properties fr = bundle(bundle + "_fr.properties");
                english.addAll(phrases(en, fr));
                french.addAll(phrases(fr, en));
            }
        }
        return lang.equals("fr") ? english : french;
    }

    private static List<String> phrases(Properties from, Properties other) {
        List<String> found = new ArrayList<>();
        for (String key : from.stringPropertyNames()) {
            String value = from.getProperty(key);
            if (value.equals(other.getProperty(key))) {
                continue;
            }
            // Placeholders, choice formats and markup split a message into the fragments a page shows as they are.
            for (String fragment : value.split("\\{[^}]*\\}|<[^>]*>|[|#]")) {
                String plain = fragment.replace("''", "'").strip();
                if (plain.split("\\s+").length >= 3 && !other.getProperty(key, "").contains(plain)) {
                    found.add(plain);
                }
            }
        }
        return found;
    }

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (InputStream in = EveryPageUiIT.class.getResourceAsStream("/org/calsync/" + name)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
