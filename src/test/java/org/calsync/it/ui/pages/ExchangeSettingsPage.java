package org.calsync.it.ui.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The Exchange section of /admin/settings.xhtml: address, sign-in, save, and Test connection. */
public final class ExchangeSettingsPage {

    private final Browser browser;

    public ExchangeSettingsPage(Browser browser) {
        this.browser = browser;
        browser.open("admin/settings.xhtml");
        browser.waitFor(By.id("exchangeForm:saveExchange"));
    }

    /** Saves the address and the service account, with changes streamed (the switch turned on if it was off). */
    public ExchangeSettingsPage withServiceAccount(String ewsUrl, String user, String password) {
        type("exchangeForm:ewsUrl", ewsUrl);
        type("exchangeForm:serviceUsername", user);
        type("exchangeForm:servicePassword", password);
        if (browser.driver().findElement(By.id("exchangeForm:streamChanges_input")).getAttribute("checked") == null) {
            browser.driver().findElement(By.cssSelector("#exchangeForm\\:streamChanges .ui-toggleswitch-slider")).click();
        }
        browser.clickAndWaitForUpdate(browser.driver().findElement(By.id("exchangeForm:saveExchange")), By.id("exchangeForm"));
        browser.waitForText(By.id("messages"), "Exchange settings saved");
        return this;
    }

    /** How changes made in Outlook come back, as the form says it. */
    public String changesMode() {
        return browser.waitFor(By.id("exchangeChangesMode")).getText();
    }

    /** Runs Test connection for a mailbox and returns what it says. */
    public String testWith(String mailbox) {
        type("exchangeForm:testMailbox", mailbox);
        browser.clickAndWaitForUpdate(browser.driver().findElement(By.id("exchangeForm:testConnection")),
                By.id("exchangeForm"));
        return browser.waitFor(By.id("exchangeForm:testResult")).getText();
    }

    private void type(String id, String text) {
        WebElement input = browser.waitFor(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
