package org.calsync.interfaces.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.calsync.domain.shared.InvalidInputException;
import org.calsync.interfaces.facade.PlanningFacade;
import org.calsync.interfaces.facade.dto.PlanRequest;
import org.calsync.interfaces.facade.dto.PlanView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("scheduling-assistant")
@Tag(name = "Planning")
@Produces(MediaType.APPLICATION_JSON)
public class PlanningResource {

    @Inject
    private PlanningFacade planning;

    @Inject
    private ApiCaller caller;

    @GET
    @Operation(summary = "Several people's busy times side by side and the best times for them to meet "
            + "(people=id,id,...; from/to: dates, default the next 14 days; minutes: default 60; dayStart/dayEnd: "
            + "default 09:00-17:00; days: default MONDAY,...,FRIDAY; timeZone: IANA id, default UTC)")
    public PlanView plan(@QueryParam("people") String people, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("minutes") @DefaultValue("60") int minutes,
            @QueryParam("dayStart") String dayStart, @QueryParam("dayEnd") String dayEnd,
            @QueryParam("days") String days, @QueryParam("timeZone") @DefaultValue("UTC") String timeZone) {
        TextInput input = new TextInput();
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        LocalDate first = input.localDate("from", from, today);
        LocalDate last = input.localDate("to", to, first.plusDays(13));
        LocalTime start = dayStart == null ? LocalTime.of(9, 0) : input.localTime("dayStart", dayStart);
        LocalTime end = dayEnd == null ? LocalTime.of(17, 0) : input.localTime("dayEnd", dayEnd);
        input.throwIfInvalid();
        List<String> ids = TextInput.ids(people);
        return planning.plan(caller.tenantId(), new PlanRequest(ids, first, last, minutes, start, end, weekdays(days),
                timeZone));
    }

    private static Set<DayOfWeek> weekdays(String days) {
        if (days == null || days.isBlank()) {
            return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        }
        Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
        for (String day : days.split(",")) {
            try {
                chosen.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("days", "api.dayNames");
            }
        }
        return chosen;
    }
}
