package org.calsync.it.ui.pages;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console's People page: filter, select, invite, sync now. */
public final class PeoplePage {

    private final Browser browser;

    public PeoplePage(Browser browser) {
        this.browser = browser;
        browser.open("admin/people.xhtml");
    }

    /**
     * Narrows the table with the name filter to the one person whose name contains the text, and selects
     * them. Waits for the filtered table first, so that the click selects a row the filter will not re-render.
     */
    public PeoplePage selectOnly(String nameContains, String email) {
        browser.waitFor(By.cssSelector("th input.ui-column-filter")).sendKeys(nameContains + Keys.TAB);
        WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
        wait.until(d -> d.findElements(By.cssSelector("[id='peopleForm:people_data'] > tr")).size() == 1);
        browser.waitForText(By.id("peopleForm:people"), email);
        browser.waitFor(By.xpath("//tr[contains(., '" + email + "')]//div[contains(@class,'ui-chkbox-box')]")).click();
        wait.until(d -> "true".equals(d.findElement(By.xpath("//tr[contains(., '" + email + "')]"))
                .getAttribute("aria-selected")));
        return this;
    }

    public PeoplePage invite() {
        browser.driver().findElement(By.id("peopleForm:invite")).click();
        return this;
    }

    public PeoplePage syncNow() {
        browser.driver().findElement(By.id("peopleForm:syncNow")).click();
        return this;
    }

    public String rowOf(String email) {
        return browser.driver().findElement(By.xpath("//tr[contains(., '" + email + "')]")).getText();
    }
}
