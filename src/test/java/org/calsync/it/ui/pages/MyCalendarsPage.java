package org.calsync.it.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** /portal/calendars.xhtml: link a calendar, see it connected, sync now, remove. */
public final class MyCalendarsPage {

    private final Browser browser;

    public MyCalendarsPage(Browser browser) {
        this.browser = browser;
        browser.open("portal/calendars.xhtml");
        browser.waitFor(By.id("linkForm:provider"));
    }

    public MyCalendarsPage linkCalDav(String server, String user, String password) {
        browser.waitFor(By.xpath("//div[@id='linkForm:provider']//*[normalize-space(text())='CalDAV server']")).click();
        type("linkForm:serverUrl", server);
        type("linkForm:username", user);
        type("linkForm:password", password);
        browser.driver().findElement(By.id("linkForm:link")).click();
        browser.waitForText(By.id("messages"), "Linked " + user);
        return this;
    }

    /** Picks Exchange and connects; with the organisation's service account there is nothing to type. */
    public MyCalendarsPage connectExchange() {
        browser.waitFor(By.xpath("//div[@id='linkForm:provider']//*[normalize-space(text())='On-premise Exchange (EWS)']"))
                .click();
        browser.waitForText(By.id("linkForm"), "nothing to enter");
        browser.driver().findElement(By.id("linkForm:link")).click();
        browser.waitForText(By.id("messages"), "Linked ");
        return this;
    }

    /**
     * Picks Microsoft 365 or Google Calendar by its label, checks the page says the password stays with the
     * provider, and starts the consent: the browser is then on the provider's sign-in page.
     */
    public void startConsent(String providerLabel) {
        browser.waitFor(By.xpath("//div[@id='linkForm:provider']//*[normalize-space(text())='" + providerLabel + "']"))
                .click();
        browser.waitForText(By.id("linkForm:consentHelp"), "never sees your password");
        // The form is drawn again for the kind chosen: its button names it once it is.
        browser.waitForText(By.id("linkForm:connect"), providerLabel);
        browser.driver().findElement(By.id("linkForm:connect")).click();
    }

    /** Picks a privacy mode by the start of its label for the first account, and saves. */
    public MyCalendarsPage choosePrivacy(String labelStart) {
        browser.waitFor(By.xpath("//form[@id='accountsForm']//label[starts-with(normalize-space(.), '" + labelStart + "')]"))
                .click();
        browser.driver().findElement(By.xpath("//form[@id='accountsForm']//button[.//span[text()='Save']]")).click();
        browser.waitForText(By.id("messages"), "Saved your choices");
        return this;
    }

    public String accountsText() {
        return browser.driver().findElement(By.id("accountsForm")).getText();
    }

    public MyCalendarsPage syncNow() {
        browser.clickAndWaitForUpdate(browser.driver().findElement(By.id("accountsForm:syncNow")), By.id("accountsForm"));
        browser.waitForText(By.id("messages"), "Synced");
        return this;
    }

    /** For the first account that needs reconnecting: types the new password and reconnects. */
    public MyCalendarsPage reconnect(String newPassword) {
        WebElement field = browser.waitFor(By.xpath("//form[@id='accountsForm']//input[contains(@id,'newPassword')]"));
        field.sendKeys(newPassword);
        browser.clickAndWaitForUpdate(browser.driver().findElement(
                By.xpath("//form[@id='accountsForm']//button[contains(@id,'reconnect')]")), By.id("accountsForm"));
        return this;
    }

    public MyCalendarsPage removeFirstAccount() {
        browser.waitFor(By.xpath("//form[@id='accountsForm']//button[.//span[text()='Remove']]")).click();
        browser.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
        browser.waitForText(By.id("messages"), "Removed the account");
        return this;
    }

    /** Asks to remove every calendar and returns the confirmation's question, left open. */
    public String askToRemoveAll() {
        browser.waitFor(By.id("accountsForm:removeAll")).click();
        return browser.waitFor(By.cssSelector(".ui-confirm-dialog .ui-confirm-dialog-message")).getText();
    }

    /** Answers the open confirmation: keep everything. */
    public MyCalendarsPage keep() {
        browser.waitFor(By.cssSelector(".ui-confirmdialog-no")).click();
        return this;
    }

    /** Answers the open confirmation: remove; waits for what the page then says. */
    public MyCalendarsPage confirmRemoval(String saysText) {
        browser.waitFor(By.cssSelector(".ui-confirmdialog-yes")).click();
        browser.waitForText(By.id("messages"), saysText);
        return this;
    }

    public String messages() {
        return browser.driver().findElement(By.id("messages")).getText();
    }

    private void type(String id, String text) {
        WebElement input = browser.waitFor(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
