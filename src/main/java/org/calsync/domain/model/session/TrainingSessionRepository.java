package org.calsync.domain.model.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.calsync.domain.model.tenant.TenantId;

public interface TrainingSessionRepository {

    Optional<TrainingSession> find(TenantId tenantId, String id);

    /**
     * The session, locked until the transaction ends: changes of its members queue behind each other instead of
     * failing on its version when a class registers at once.
     */
    Optional<TrainingSession> findForChange(TenantId tenantId, String id);

    /** Sessions overlapping [from, to), ordered by start. */
    List<TrainingSession> list(TenantId tenantId, Instant from, Instant to);

    /** Sessions overlapping [from, to) that the person delivers or attends, ordered by start. */
    List<TrainingSession> listForPerson(TenantId tenantId, String personId, Instant from, Instant to);

    /**
     * For each of these people who delivers or attends a session overlapping [from, to), those sessions, ordered
     * by start; read at once rather than person by person.
     */
    Map<String, List<TrainingSession>> listForPeople(TenantId tenantId, Collection<String> personIds, Instant from,
            Instant to);

    /** Whether the person is registered on the session, read without loading the session's learners. */
    boolean isRegistered(TenantId tenantId, String sessionId, String personId);

    void add(TrainingSession session);
}
