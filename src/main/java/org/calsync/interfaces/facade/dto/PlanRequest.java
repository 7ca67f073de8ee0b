package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** What the scheduling assistant is asked: who, which days, how long, between which hours, in which zone. */
public record PlanRequest(List<String> personIds, LocalDate from, LocalDate to, int durationMinutes,
        LocalTime dayStart, LocalTime dayEnd, Set<DayOfWeek> days, String timeZone) implements Serializable {
}
