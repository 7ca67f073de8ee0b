package org.calsync.it.ui.pages;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** /admin/assistant.xhtml: the search form, the ranked times, the timeline and the booking dialog. */
public final class AssistantPage {

    private final Browser browser;

    private AssistantPage(Browser browser) {
        this.browser = browser;
    }

    public static AssistantPage open(Browser browser) {
        browser.open("admin/assistant.xhtml");
        browser.waitFor(By.id("assistantForm:find"));
        return new AssistantPage(browser);
    }

    /** Chooses the people through the widget's own API, then the days; other fields keep their defaults. */
    public AssistantPage find(List<String> personIds, LocalDate from, LocalDate to, String zone) {
        fill(personIds, from, to, zone);
        clickFindTimes();
        browser.waitFor(By.id("planForm:slots"));
        browser.waitFor(By.cssSelector("#planForm\\:timeline .vis-item.cs-slot"));
        return this;
    }

    /** Fills the form: the people through the widget's own API, the days and the zone. */
    public void fill(List<String> personIds, LocalDate from, LocalDate to, String zone) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        personIds.forEach(id -> js.executeScript("PF('peopleMenu').selectValue(arguments[0]);", id));
        js.executeScript("PF('fromPicker').setDate(new Date(arguments[0], arguments[1] - 1, arguments[2]));"
                + "PF('toPicker').setDate(new Date(arguments[3], arguments[4] - 1, arguments[5]));",
                from.getYear(), from.getMonthValue(), from.getDayOfMonth(), to.getYear(), to.getMonthValue(),
                to.getDayOfMonth());
        WebElement zoneInput = browser.waitFor(By.id("assistantForm:timeZone_input"));
        js.executeScript("arguments[0].value = arguments[1];", zoneInput, zone);
    }

    /** Clicks Find times, without waiting for the answer. */
    public void clickFindTimes() {
        browser.driver().findElement(By.id("assistantForm:find")).click();
    }

    /**
     * Every drawn block whose left edge is not where its start time falls on the axis, measured independently of
     * vis-timeline: the shown days' working hours laid end to end across the timeline's centre panel. Each is
     * named with its text, time and the distance in pixels. Empty when every block sits on its time.
     */
    @SuppressWarnings("unchecked")
    public List<String> blocksOffTheirTime(List<LocalDate> shownDays, LocalTime dayStart, LocalTime dayEnd, ZoneId zone) {
        List<Map<String, Object>> drawn = (List<Map<String, Object>>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const timeline = PF('assistantTimeline').instance;
                const panel = document.getElementById('planForm:timeline').querySelector('.vis-panel.vis-center').getBoundingClientRect();
                return Object.values(timeline.itemSet.items).filter(item => item.data.type !== 'background' && item.dom)
                    .map(item => ({start: new Date(item.data.start).getTime(), left: item.dom.box.getBoundingClientRect().left,
                        text: item.dom.box.innerText.trim(), panelLeft: panel.left, panelWidth: panel.width}));""");
        long dayMinutes = java.time.Duration.between(dayStart, dayEnd).toMinutes();
        List<String> wrong = new java.util.ArrayList<>();
        for (Map<String, Object> block : drawn) {
            java.time.ZonedDateTime start = java.time.Instant.ofEpochMilli(((Number) block.get("start")).longValue()).atZone(zone);
            long before = 0;
            for (LocalDate day : shownDays) {
                long minutes = java.time.Duration.between(day.atTime(dayStart).atZone(zone), start).toMinutes();
                before += Math.max(0, Math.min(dayMinutes, minutes));
            }
            double expected = ((Number) block.get("panelLeft")).doubleValue()
                    + ((Number) block.get("panelWidth")).doubleValue() * before / (dayMinutes * shownDays.size());
            double left = ((Number) block.get("left")).doubleValue();
            if (Math.abs(left - expected) > 3) {
                wrong.add(block.get("text") + " at " + start.toLocalDateTime() + " is drawn at " + Math.round(left)
                        + " px, its time is at " + Math.round(expected) + " px");
            }
        }
        if (drawn.isEmpty()) {
            wrong.add("no block is drawn");
        }
        return wrong;
    }

    /** Moves the timeline to the next week (or day) and waits for it to be drawn again. */
    public void next() {
        WebElement before = browser.driver().findElement(By.id("planForm:timeline"));
        browser.driver().findElement(By.id("planForm:nextView")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
        browser.waitFor(By.cssSelector("#planForm\\:timeline .vis-item"));
    }

    /** The share of the timeline's width that its column of names takes. */
    public double nameColumnShare() {
        Number share = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "const timeline = document.getElementById('planForm:timeline');"
                        + " const names = timeline.querySelector('.vis-panel.vis-left').getBoundingClientRect().width;"
                        + " return names / timeline.querySelector('.vis-timeline').getBoundingClientRect().width;");
        return share.doubleValue();
    }

    /**
     * The time axis's labels that the axis cuts at its edges ("00" for 08:00 on a phone), each as drawn: a label is
     * either read whole or not shown.
     */
    @SuppressWarnings("unchecked")
    public List<String> cutAxisLabels() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const axis = document.getElementById('planForm:timeline').querySelector('.vis-time-axis.vis-foreground');
                const edges = axis.getBoundingClientRect();
                return [...axis.querySelectorAll('.vis-text')]
                    .filter(label => getComputedStyle(label).visibility !== 'hidden' && label.textContent.trim())
                    .filter(label => { const text = document.createRange(); text.selectNodeContents(label);
                        const r = text.getBoundingClientRect();
                        return r.left < edges.left - 0.5 || r.right > edges.right + 0.5; })
                    .map(label => label.textContent.trim());""");
    }

    public String windowLabel() {
        return browser.driver().findElement(By.id("windowLabel")).getText();
    }

    public List<String> rankedTimes() {
        return browser.driver().findElements(By.cssSelector("#planForm\\:slots tbody tr")).stream()
                .map(WebElement::getText).toList();
    }

    /** The text of every busy block on the timeline. */
    public List<String> busyBlocks() {
        return browser.driver().findElements(By.cssSelector("#planForm\\:timeline .vis-item.cs-busy")).stream()
                .map(WebElement::getText).toList();
    }

    /** Hovers the busy block showing the text and returns the tooltip vis-timeline shows. */
    public String hover(String blockText) {
        WebElement block = browser.driver().findElements(By.cssSelector("#planForm\\:timeline .vis-item.cs-busy"))
                .stream().filter(item -> item.getText().contains(blockText)).findFirst().orElseThrow();
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'});",
                browser.driver().findElement(By.cssSelector("#planForm h2")));
        new Actions(browser.driver()).moveToElement(block).pause(300).moveByOffset(2, 1).perform();
        return browser.waitFor(By.cssSelector(".vis-tooltip")).getText();
    }

    /** Clicks the best suggestion on the timeline and waits for the booking dialog. */
    public AssistantPage clickBestSuggestionOnTimeline() {
        WebElement first = browser.driver().findElements(By.cssSelector("#planForm\\:timeline .vis-item.cs-slot")).stream()
                .filter(item -> item.getText().strip().equals("#1")).findFirst().orElseThrow();
        first.click();
        browser.waitFor(By.id("bookingForm:courseTitle"));
        return this;
    }

    public String bookingHeading() {
        return browser.driver().findElement(By.id("bookingForm")).getText();
    }

    public void book(String title, String venue) {
        WebElement titleInput = browser.waitFor(By.id("bookingForm:courseTitle"));
        titleInput.clear();
        titleInput.sendKeys(title);
        browser.driver().findElement(By.id("bookingForm:venue")).sendKeys(venue);
        browser.driver().findElement(By.id("bookingForm:confirmBooking")).click();
        browser.waitForUrl("session.xhtml?id=");
    }
}
