-- Self-booking: the availability instructors publish, the kinds of one-to-one meeting learners book in it, and the
-- bookings made. Availability is never written to a calendar; a booking is a session, pushed like any other.

-- One per instructor who publishes, in wall-clock time of their own zone. Booking locks this row, so that two
-- learners booking the same instructor at the same moment, on any instance, are decided one after the other.
CREATE TABLE published_availability (
    person_id VARCHAR(36) NOT NULL,
    tenant_id VARCHAR(36) NOT NULL,
    zone      VARCHAR(64) NOT NULL,
    version   BIGINT      NOT NULL,
    CONSTRAINT pk_published_availability PRIMARY KEY (person_id),
    CONSTRAINT fk_published_availability_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE TABLE availability_weekly_hours (
    person_id   VARCHAR(36) NOT NULL,
    day_of_week VARCHAR(9)  NOT NULL,
    start_time  TIME        NOT NULL,
    end_time    TIME        NOT NULL,
    CONSTRAINT fk_availability_weekly_hours FOREIGN KEY (person_id) REFERENCES published_availability (person_id)
        ON DELETE CASCADE,
    CONSTRAINT ck_availability_weekly_hours CHECK (end_time > start_time)
);
CREATE INDEX ix_availability_weekly_hours ON availability_weekly_hours (person_id);

-- Days off, time off within a day, and extra hours (kind DAY_OFF, TIME_OFF, EXTRA_HOURS); a day off has no times.
CREATE TABLE availability_change (
    person_id   VARCHAR(36) NOT NULL,
    change_date DATE        NOT NULL,
    kind        VARCHAR(12) NOT NULL,
    start_time  TIME,
    end_time    TIME,
    CONSTRAINT fk_availability_change FOREIGN KEY (person_id) REFERENCES published_availability (person_id)
        ON DELETE CASCADE
);
CREATE INDEX ix_availability_change ON availability_change (person_id);

CREATE TABLE bookable_kind (
    id                    VARCHAR(36)   NOT NULL,
    tenant_id             VARCHAR(36)   NOT NULL,
    instructor_id         VARCHAR(36)   NOT NULL,
    name                  VARCHAR(100)  NOT NULL,
    length_minutes        INTEGER       NOT NULL,
    buffer_before_minutes INTEGER       NOT NULL,
    buffer_after_minutes  INTEGER       NOT NULL,
    notice_minutes        INTEGER       NOT NULL,
    horizon_days          INTEGER       NOT NULL,
    max_per_day           INTEGER       NOT NULL,
    start_every_minutes   INTEGER       NOT NULL,
    meeting_link          VARCHAR(1000),
    withdrawn             BOOLEAN       DEFAULT FALSE NOT NULL,
    version               BIGINT        NOT NULL,
    CONSTRAINT pk_bookable_kind PRIMARY KEY (id),
    CONSTRAINT fk_bookable_kind_instructor FOREIGN KEY (instructor_id) REFERENCES person (id) ON DELETE CASCADE
);
CREATE INDEX ix_bookable_kind_instructor ON bookable_kind (tenant_id, instructor_id);

-- A booking is the session it became (same id), with who booked which kind; the session's state says whether it
-- still stands. Its start is kept here for the kind's daily maximum.
CREATE TABLE booking (
    session_id    VARCHAR(36)              NOT NULL,
    tenant_id     VARCHAR(36)              NOT NULL,
    kind_id       VARCHAR(36)              NOT NULL,
    instructor_id VARCHAR(36)              NOT NULL,
    learner_id    VARCHAR(36)              NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    booked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_booking PRIMARY KEY (session_id),
    CONSTRAINT fk_booking_session FOREIGN KEY (session_id) REFERENCES training_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_booking_kind FOREIGN KEY (kind_id) REFERENCES bookable_kind (id) ON DELETE CASCADE
);
CREATE INDEX ix_booking_kind_start ON booking (kind_id, starts_at);
CREATE INDEX ix_booking_learner ON booking (tenant_id, learner_id);
