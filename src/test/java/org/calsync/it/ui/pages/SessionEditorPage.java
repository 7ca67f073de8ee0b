package org.calsync.it.ui.pages;

import java.time.LocalDateTime;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** /admin/session.xhtml: the form, the instructors panel and the learners panel. */
public final class SessionEditorPage {

    private final Browser browser;

    private SessionEditorPage(Browser browser) {
        this.browser = browser;
    }

    public static SessionEditorPage openNew(Browser browser) {
        browser.open("admin/sessions.xhtml");
        browser.waitFor(By.id("newSession")).click();
        browser.waitFor(By.id("sessionForm:courseTitle"));
        return new SessionEditorPage(browser);
    }

    public SessionEditorPage fill(String title, LocalDateTime start, LocalDateTime end, String zone, String venue) {
        type("sessionForm:courseTitle", title);
        pickDateTime("startPicker", start);
        pickDateTime("endPicker", end);
        setWidgetText("sessionForm:timeZone_input", zone);
        type("sessionForm:venue", venue);
        return this;
    }

    public static SessionEditorPage open(Browser browser, String sessionId) {
        browser.open("admin/session.xhtml?id=" + sessionId);
        browser.waitFor(By.id("sessionForm:instructors"));
        return new SessionEditorPage(browser);
    }

    /** Expands the instructor's row and returns the conflicts it lists. */
    public String conflictsOf(String name) {
        browser.waitFor(By.xpath("//*[@id='sessionForm:instructors']//tr[contains(., '" + name + "')]"
                + "//div[contains(@class,'ui-row-toggler')]")).click();
        return browser.waitFor(By.cssSelector("[id$=':conflicts']")).getText();
    }

    /** Saves a new session and waits for the page of the created session. */
    public SessionEditorPage create() {
        browser.driver().findElement(By.id("sessionForm:save")).click();
        browser.waitForUrl("session.xhtml?id=");
        browser.waitFor(By.id("sessionForm:instructors"));
        return this;
    }

    public SessionEditorPage assignInstructor(String name) {
        browser.waitFor(By.id("sessionForm:instructorToAssign_label"));
        // Through the widget's own API: a click on a list item can land while the panel is still animating.
        ((JavascriptExecutor) browser.driver()).executeScript(
                "var name = arguments[0];"
                        + "var option = Array.from(document.getElementById('sessionForm:instructorToAssign_input').options)"
                        + ".find(function (o) { return o.text === name; });"
                        + "PF('instructorMenu').selectValue(option.value);", name);
        browser.waitForText(By.id("sessionForm:instructorToAssign_label"), name);
        browser.driver().findElement(By.id("sessionForm:assign")).click();
        browser.waitForText(By.id("sessionForm:instructors"), name);
        return this;
    }

    public String instructorsText() {
        return browser.driver().findElement(By.id("sessionForm:instructors")).getText();
    }

    public String startText() {
        return browser.driver().findElement(By.id("sessionForm:start_input")).getAttribute("value");
    }

    public SessionEditorPage expectMessage(String text) {
        browser.waitForText(By.id("messages"), text);
        return this;
    }

    /** Chooses a date and time as a click in the picker's calendar does, through the widget's API. */
    private void pickDateTime(String widgetVar, LocalDateTime when) {
        ((JavascriptExecutor) browser.driver()).executeScript("PF(arguments[0]).setDate(new Date(arguments[1], "
                + "arguments[2] - 1, arguments[3], arguments[4], arguments[5]));", widgetVar, when.getYear(),
                when.getMonthValue(), when.getDayOfMonth(), when.getHour(), when.getMinute());
    }

    /** Sets the text of the autocomplete input, which is what the form posts; its suggestions are not needed. */
    private void setWidgetText(String id, String text) {
        WebElement input = browser.waitFor(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input, text);
    }

    private void type(String id, String text) {
        WebElement input = browser.waitFor(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
