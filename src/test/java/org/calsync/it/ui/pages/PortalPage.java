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

    public String upcomingText() {
        return browser.driver().findElement(By.id("upcoming")).getText();
    }
}
