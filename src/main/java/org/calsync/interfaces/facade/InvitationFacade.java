package org.calsync.interfaces.facade;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.people.Invitations;
import org.calsync.domain.model.person.Invitation;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.interfaces.facade.dto.InvitationLandingView;
import org.calsync.interfaces.facade.dto.InvitationStatusView;

/** Invitations to connect a calendar, for the console, the API and the landing page. */
@ApplicationScoped
public class InvitationFacade {

    @Inject
    private Invitations invitations;

    /** Sends the invitations; returns the addresses they went to. */
    public List<String> invite(String tenantId, List<String> personIds, String invitedBy) {
        return invitations.invite(new TenantId(tenantId), personIds, invitedBy);
    }

    /** Each invited person's newest invitation, by person id. */
    public Map<String, InvitationStatusView> statuses(String tenantId) {
        Instant now = Instant.now();
        return invitations.newest(new TenantId(tenantId)).stream().map(invitation -> view(invitation, now))
                .collect(Collectors.toMap(InvitationStatusView::personId, Function.identity()));
    }

    public InvitationLandingView open(String token) {
        Invitations.Landing landing = invitations.open(token);
        return new InvitationLandingView(landing.outcome().name(), landing.personName(), landing.email(),
                landing.organisation(), landing.needsPassword(), landing.expiresAt());
    }

    /** Accepts the invitation; returns the email to sign in with. */
    public String accept(String token, String password) {
        return invitations.accept(token, password == null ? null : password.toCharArray());
    }

    private static InvitationStatusView view(Invitation invitation, Instant now) {
        return new InvitationStatusView(invitation.personId(), invitation.state(now).name(), invitation.createdAt(),
                invitation.expiresAt(), invitation.invitedBy());
    }
}
