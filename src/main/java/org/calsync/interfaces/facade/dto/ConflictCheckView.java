package org.calsync.interfaces.facade.dto;

import java.io.Serializable;
import java.util.List;

/** A person's conflicts while a session runs, and what "no conflict" means for them. */
public record ConflictCheckView(List<ConflictView> conflicts, Knowledge knowledge) implements Serializable {

    public enum Knowledge {
        /** Their busy times are known: no conflict means free. */
        KNOWN,
        /** They linked no calendar and the organisation's free/busy cannot tell. */
        NO_CALENDAR,
        /** They linked a calendar that has not been read yet. */
        NOT_READ_YET
    }

    public boolean free() {
        return conflicts.isEmpty() && knowledge == Knowledge.KNOWN;
    }
}
