package org.calsync.interfaces.facade;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.calsync.application.linking.TermsBeforeLinking;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.interfaces.facade.dto.LinkTermsView;
import org.calsync.interfaces.facade.dto.TermsStandingView;

/** The terms before linking, for the console, the portal and the API. */
@ApplicationScoped
public class LinkTermsFacade {

    @Inject
    private TermsBeforeLinking terms;

    public LinkTermsView current(String tenantId) {
        return terms.current(new TenantId(tenantId))
                .map(current -> new LinkTermsView(current.terms().text(), current.terms().changedAt(), current.acceptedBy()))
                .orElse(new LinkTermsView(null, null, 0));
    }

    /** A blank text asks none from now on. */
    public LinkTermsView change(String tenantId, String text) {
        terms.change(new TenantId(tenantId), text);
        return current(tenantId);
    }

    public TermsStandingView standing(String tenantId, String personId) {
        return view(terms.standing(new TenantId(tenantId), personId));
    }

    public TermsStandingView accept(String tenantId, String personId) {
        return view(terms.accept(new TenantId(tenantId), personId));
    }

    /** Refuses the person's own link until they accepted. */
    public void requireAccepted(String tenantId, String personId) {
        terms.requireAccepted(new TenantId(tenantId), personId);
    }

    private static TermsStandingView view(TermsBeforeLinking.Standing standing) {
        return standing.terms() == null ? new TermsStandingView(null, null, null, false)
                : new TermsStandingView(standing.terms().text(), standing.terms().changedAt(), standing.acceptedAt(),
                        standing.mustAccept());
    }
}
