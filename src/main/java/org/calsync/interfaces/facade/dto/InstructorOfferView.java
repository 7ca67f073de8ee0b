package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.util.List;

/** An instructor a learner can book, with the kinds of meeting they offer. */
public record InstructorOfferView(String instructorId, String displayName, List<BookableKindView> kinds)
        implements Serializable {
}
