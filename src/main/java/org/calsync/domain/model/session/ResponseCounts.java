package org.calsync.domain.model.session;

import java.util.Collection;

/** How a session's learners answered, as the sessions list shows it. */
public record ResponseCounts(int accepted, int tentative, int declined, int noAnswer) {

    public static ResponseCounts of(Collection<AttendanceResponse> responses) {
        int accepted = 0;
        int tentative = 0;
        int declined = 0;
        for (AttendanceResponse response : responses) {
            switch (response) {
                case ACCEPTED -> accepted++;
                case TENTATIVE -> tentative++;
                case DECLINED -> declined++;
                default -> {
                    // no answer: counted below
                }
            }
        }
        return new ResponseCounts(accepted, tentative, declined, responses.size() - accepted - tentative - declined);
    }
}
