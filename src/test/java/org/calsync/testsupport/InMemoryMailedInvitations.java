package org.calsync.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.calsync.domain.model.mail.MailedInvitation;
import org.calsync.domain.model.mail.MailedInvitationRepository;
import org.calsync.domain.model.tenant.TenantId;

/** What was emailed to whom, in a list, answering as the JPA repository does, for tests without a database. */
public final class InMemoryMailedInvitations implements MailedInvitationRepository {

    private final List<MailedInvitation> invitations = new ArrayList<>();

    @Override
    public Optional<MailedInvitation> find(TenantId tenantId, String sessionId, String personId) {
        return invitations.stream().filter(i -> i.tenantId().equals(tenantId) && i.sessionId().equals(sessionId)
                && i.personId().equals(personId)).findFirst();
    }

    @Override
    public void add(MailedInvitation invitation) {
        invitations.add(invitation);
    }

    @Override
    public List<String> sessionsMailedTo(TenantId tenantId, String personId) {
        return invitations.stream().filter(i -> i.tenantId().equals(tenantId) && i.personId().equals(personId))
                .map(MailedInvitation::sessionId).distinct().toList();
    }

    @Override
    public Set<String> invited(TenantId tenantId, String sessionId) {
        return invitations.stream().filter(i -> i.tenantId().equals(tenantId) && i.sessionId().equals(sessionId))
                .filter(MailedInvitation::invited).map(MailedInvitation::personId).collect(Collectors.toSet());
    }
}
