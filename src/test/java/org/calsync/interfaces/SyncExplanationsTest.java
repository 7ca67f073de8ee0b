package org.calsync.interfaces;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.calsync.interfaces.web.SyncExplanations;
import org.junit.jupiter.api.Test;

/** The log's plain words follow from what the adapters report, and never hide a failure behind "OK". */
class SyncExplanationsTest {

    private final SyncExplanations explanations = new SyncExplanations();

    private void says(String outcome, String message, String expected) {
        String said = explanations.explain(outcome, message);
        assertTrue(said.contains(expected), message + " -> " + said);
    }

    @Test
    void eachKindOfFailureSaysWhatHappenedAndWhatToDo() {
        says("FAILED", "CalDAV server unreachable: cal.example.org (java.net.ConnectException)", "could not be reached");
        says("FAILED", "CalDAV server did not answer in time: cal.example.org", "could not be reached");
        says("FAILED", "The account needs reconnecting: The server refused the sign-in (HTTP 401)", "reconnected");
        says("FAILED", "Exchange refused to let the service account impersonate ines@example.org", "reconnected");
        says("FAILED", "CalDAV server cal.example.org answered HTTP 503", "busy");
        says("FAILED", "Exchange is busy (ErrorServerBusy); try again in 30 s", "busy");
        says("FAILED", "The CalDAV server sent an unreadable answer", "could not read");
        says("FAILED", "Reading the calendar failed: java.lang.IllegalStateException: boom", "technical detail");
        says("FAILED", null, "technical detail");
        says("HELD", "42 of 50 events disappeared at once", "Release");
        says("PARTIAL", "2 items skipped", "left out");
        says("OK", null, "without problems");
    }
}
