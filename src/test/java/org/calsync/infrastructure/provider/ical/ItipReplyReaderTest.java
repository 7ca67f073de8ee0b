package org.calsync.infrastructure.provider.ical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.calsync.domain.model.session.AttendanceResponse;
import org.junit.jupiter.api.Test;

/** Replies as Outlook, Gmail and Apple Mail write them, and what is not a reply. */
class ItipReplyReaderTest {

    private final ItipReplyReader reader = new ItipReplyReader();

    @Test
    void readsOutlooksAcceptance() throws Exception {
        ItipReplyReader.ReadReply reply = reader.read(reply("ACCEPTED", "ATTENDEE;PARTSTAT=ACCEPTED;CN=\"Ines Duarte\":mailto:Ines@Northwind.example",
                "DTSTAMP:20261207T101500Z")).orElseThrow();

        assertEquals("4c3e@calsync", reply.uid());
        assertEquals("Ines@Northwind.example", reply.attendee());
        assertEquals(AttendanceResponse.ACCEPTED, reply.response());
        assertEquals(Optional.of(Instant.parse("2026-12-07T10:15:00Z")), reply.writtenAt());
    }

    @Test
    void readsTentativeAndDeclinedAndAClientThatLeavesTheStampOut() throws Exception {
        assertEquals(AttendanceResponse.TENTATIVE, reader.read(reply("TENTATIVE",
                "ATTENDEE;CN=Omar;PARTSTAT=TENTATIVE:MAILTO:omar@northwind.example", "")).orElseThrow().response());
        ItipReplyReader.ReadReply declined = reader.read(reply("DECLINED",
                "ATTENDEE;PARTSTAT=DECLINED:mailto:omar@northwind.example", "")).orElseThrow();
        assertEquals(AttendanceResponse.DECLINED, declined.response());
        assertEquals("omar@northwind.example", declined.attendee());
        assertTrue(declined.writtenAt().isEmpty());
    }

    @Test
    void anotherMethodIsNotAReply() throws Exception {
        assertTrue(reader.read(reply("ACCEPTED", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@b.example", "")
                .replace("METHOD:REPLY", "METHOD:COUNTER")).isEmpty());
    }

    @Test
    void aReplyWithoutAnAnswerOrWithOneCalSyncCannotRecordIsRefusedWithAReason() {
        IcsFormatException noAnswer = assertThrows(IcsFormatException.class,
                () -> reader.read(reply("", "ATTENDEE:mailto:a@b.example", "")));
        assertTrue(noAnswer.getMessage().contains("PARTSTAT"), noAnswer.getMessage());
        IcsFormatException delegated = assertThrows(IcsFormatException.class,
                () -> reader.read(reply("", "ATTENDEE;PARTSTAT=DELEGATED:mailto:a@b.example", "")));
        assertTrue(delegated.getMessage().contains("DELEGATED"), delegated.getMessage());
        assertThrows(IcsFormatException.class, () -> reader.read("BEGIN:VCALENDAR\r\nMETHOD:REPLY\r\nnot ical"));
    }

    private static String reply(String summary, String attendee, String stamp) {
        return "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nVERSION:2.0\r\n"
                + "METHOD:REPLY\r\nBEGIN:VEVENT\r\n" + attendee + "\r\n" + (stamp.isEmpty() ? "" : stamp + "\r\n")
                + "ORGANIZER:mailto:training@northwind.example\r\nUID:4c3e@calsync\r\nSEQUENCE:0\r\n"
                + "SUMMARY:" + summary + ": Budgeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }
}
