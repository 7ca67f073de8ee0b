package org.calsync.it.ui.pages;

import java.time.LocalDate;

import org.openqa.selenium.By;

/** /portal/index.xhtml: the person's calendar and the list of their next sessions. */
public final class PortalPage {

    private final Browser browser;

    public PortalPage(Browser browser, LocalDate week) {
        this.browser = browser;
        browser.open("portal/index.xhtml?date=" + week);
        browser.waitFor(By.cssSelector(".fc-timegrid"));
    }

    public String eventTitleContaining(String text) {
        return browser.waitFor(By.xpath("//div[contains(@class,'fc-event-title') and contains(., '" + text + "')]"))
                .getText();
    }

    /** Hovers the event showing the text and returns the tooltip saying where it came from. */
    public String tooltipOf(String text) {
        org.openqa.selenium.WebElement event = browser.waitFor(By.xpath(
                "//a[contains(@class,'fc-event') and contains(., '" + text + "')]"));
        new org.openqa.selenium.interactions.Actions(browser.driver()).moveToElement(event).pause(400).moveByOffset(1, 1)
                .perform();
        return browser.waitFor(By.cssSelector(".ui-tooltip")).getText();
    }

    public String upcomingText() {
        return browser.driver().findElement(By.id("upcomingForm:upcoming")).getText();
    }

    /** Clicks an answer ("Yes", "Maybe", "No" or their French) on the session's row of the next weeks' list. */
    public void answer(String sessionTitle, String label) {
        browser.waitFor(By.xpath("//*[@id='upcomingForm:upcoming']//tr[contains(., '" + sessionTitle + "')]"
                + "//div[contains(@class,'ui-button') and normalize-space(.)='" + label + "']")).click();
    }

    /** The answer shown as chosen on the session's row. */
    public String chosenAnswer(String sessionTitle) {
        return browser.waitFor(By.xpath("//*[@id='upcomingForm:upcoming']//tr[contains(., '" + sessionTitle + "')]"
                + "//div[contains(@class,'ui-button') and contains(@class,'ui-state-active')]")).getText().strip();
    }
}
