package org.calsync.it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.calsync.it.support.Api;
import org.calsync.it.support.CalSyncDeployment;
import org.calsync.it.ui.pages.Browser;
import org.calsync.it.ui.pages.LoginPage;
import org.calsync.testsupport.FixtureDates;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Self-booking in the browser, in English and in French: an instructor publishes weekly hours and a kind of meeting
 * in the portal, one of their learners books a time, and both then find the session in their own calendar page. The
 * pages are checked on a desktop and on a phone for anything sticking out, written over or in the other language.
 */
@ExtendWith(ArquillianExtension.class)
class SelfBookingUiIT {

    private static final String PASSWORD = "booking-secret-1";

    @ArquillianResource
    private URL url;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return CalSyncDeployment.war();
    }

    @BeforeAll
    static void needsABrowser() {
        Browser.requireOrSkip();
    }

    private Api api() {
        return new Api(url, "csk_demo_northwind_0000000000000001");
    }

    @Test
    void anInstructorPublishesALearnerBooksAndBothSeeTheSessionInEnglish() {
        story("en-GB", new Words("Your availability is published.", "Progress review", "Booked: Progress review with",
                "My calendar"));
    }

    @Test
    void anInstructorPublishesALearnerBooksAndBothSeeTheSessionInFrench() {
        story("fr-FR", new Words("Vos disponibilités sont publiées.", "Point d’étape", "Réservé\u202f: Point d’étape avec",
                "Mon agenda"));
    }

    /** What the pages say at each step, in the language of the run. */
    private record Words(String published, String kindName, String booked, String myCalendar) {
    }

    private void story(String language, Words words) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String instructorEmail = "ines.booking-" + tag + "@northwind.example";
        String learnerEmail = "leo.booking-" + tag + "@northwind.example";
        String instructor = person(instructorEmail, "Ines Booking " + tag, "Instructor", language);
        String learner = person(learnerEmail, "Leo Booking " + tag, "Learner", language);
        // Leo attends a class of Ines's, which makes her one of his instructors.
        LocalDate classDay = FixtureDates.fromToday().workdayAhead(20);
        String course = api().post("sessions", """
                {"courseTitle":"Class %s","start":"%s","end":"%s","timeZone":"Europe/London"}"""
                .formatted(tag, FixtureDates.api(classDay.atTime(9, 0)), FixtureDates.api(classDay.atTime(10, 0))))
                .object().getString("id");
        api().post("sessions/" + course + "/instructors", "{\"personId\":\"" + instructor + "\"}");
        api().post("sessions/" + course + "/registrations", "{\"personId\":\"" + learner + "\"}");

        try (Browser browser = new Browser(url.toString(), language)) {
            new LoginPage(browser).signInAs(instructorEmail, PASSWORD);
            browser.open("portal/availability.xhtml");
            browser.waitFor(By.id("availabilityForm:notPublished"));
            // Monday to Friday come filled in; Saturday and Sunday are added, so that any day of the run has times.
            for (int day = 0; day < 2; day++) {
                int rows = browser.driver().findElements(By.cssSelector(".cs-row-fields")).size();
                browser.driver().findElement(By.id("availabilityForm:addHours")).click();
                new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(
                        ExpectedConditions.numberOfElementsToBe(By.cssSelector(".cs-row-fields"), rows + 1));
            }
            browser.driver().findElement(By.id("availabilityForm:publish")).click();
            browser.waitForText(By.id("messages"), words.published());
            browser.driver().findElement(By.id("kindsForm:newKind")).click();
            WebElement name = browser.waitFor(By.id("kindDialogForm:name"));
            assertEquals(words.kindName(), name.getAttribute("value"), "the dialog offers a name in the page's language");
            browser.driver().findElement(By.id("kindDialogForm:saveKind")).click();
            browser.waitForText(By.id("kindsForm:kinds"), words.kindName());
            checkLayout(browser, language, "availability", By.id("availabilityForm"), By.id("kindsForm:kinds"));
        }

        try (Browser browser = new Browser(url.toString(), language)) {
            new LoginPage(browser).signInAs(learnerEmail, PASSWORD);
            browser.open("portal/book.xhtml");
            browser.waitFor(By.id("slotsForm:instructor"));
            assertTrue(browser.driver().findElement(By.id("slotsForm:instructor")).getText().contains("Ines Booking " + tag));
            checkLayout(browser, language, "book", By.id("slotsForm"));
            // The kind asks a day's notice: the next week's first time is surely bookable.
            browser.clickAndWaitForUpdate(browser.driver().findElement(By.id("slotsForm:later")), By.id("slotsForm:week"));
            WebElement firstTime = browser.waitFor(By.cssSelector("#slotsForm .cs-slot-time"));
            firstTime.click();
            browser.waitFor(By.id("confirmForm:confirm")).click();
            browser.waitForText(By.id("messages"), words.booked());
            browser.waitForText(By.id("bookingsForm:bookings"), words.kindName());
            checkLayout(browser, language, "booked", By.id("bookingsForm:bookings"), By.id("slotsForm"));
            browser.open("portal/index.xhtml");
            browser.waitForText(By.id("upcomingForm:upcoming"), words.kindName());
        }

        try (Browser browser = new Browser(url.toString(), language)) {
            new LoginPage(browser).signInAs(instructorEmail, PASSWORD);
            browser.open("portal/index.xhtml");
            browser.waitForText(By.tagName("h1"), words.myCalendar());
            browser.waitForText(By.id("upcomingForm:upcoming"), words.kindName());
        }
    }

    private String person(String email, String name, String role, String language) {
        Api.Reply created = api().post("people", """
                {"email":"%s","displayName":"%s","timeZone":"Europe/London","roles":["%s"],"password":"%s","language":"%s"}"""
                .formatted(email, name, role, PASSWORD, language.substring(0, 2)));
        assertEquals(201, created.status(), created.body());
        return created.object().getString("id");
    }

    /** At 1400 and 390 px: nothing wider than the window, sticking out or written over, and the page in its language. */
    private static void checkLayout(Browser browser, String language, String step, By... parts) {
        for (int width : new int[] {1400, 390}) {
            browser.resize(width, 900);
            browser.screenshotWholePage("self-booking-" + step + "-" + language.substring(0, 2) + "-" + width);
            assertEquals(List.of(), browser.layoutProblems(parts), step + " at " + width + " px");
            assertEquals(language.substring(0, 2), ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.lang;"), step + " at " + width + " px");
        }
        browser.resize(1400, 900);
    }
}
