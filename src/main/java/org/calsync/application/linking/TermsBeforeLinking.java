package org.calsync.application.linking;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.tenant.LinkTerms;
import org.calsync.domain.model.tenant.LinkTermsAcceptance;
import org.calsync.domain.model.tenant.LinkTermsRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.UnknownEntityException;

/**
 * The optional terms a tenant asks people to accept before they link a calendar themselves, and who accepted which
 * version, when. The person's own linking (the portal) asks for them; an administrator or the host platform linking
 * for someone answers for that person's consent itself.
 */
@ApplicationScoped
// Every read too runs in a transaction of its own: a read outside one, just before the person's link commits its
// own, would leave the request a persistence context that Payara closes under the page's next read.
@Transactional
public class TermsBeforeLinking {

    private static final Logger LOG = Logger.getLogger(TermsBeforeLinking.class.getName());

    @Inject
    private LinkTermsRepository terms;

    @Inject
    private PersonRepository people;

    private final Clock clock = Clock.systemUTC();

    /**
     * Where a person stands.
     *
     * @param terms      the tenant's current terms, or null when it asks none
     * @param acceptedAt when the person accepted this version, or null
     */
    public record Standing(LinkTerms terms, Instant acceptedAt) {
        /** Terms are asked and this version is not accepted yet. */
        public boolean mustAccept() {
            return terms != null && acceptedAt == null;
        }
    }

    /** The tenant's terms, with how many people accepted this version. */
    public record Current(LinkTerms terms, long acceptedBy) {
    }

    public Optional<Current> current(TenantId tenantId) {
        return terms.find(tenantId).map(found -> new Current(found, terms.acceptedCount(found)));
    }

    /** Sets the terms; a blank text asks none from now on. */
    public Optional<LinkTerms> change(TenantId tenantId, String text) {
        Optional<LinkTerms> existing = terms.find(tenantId);
        if (text == null || text.isBlank()) {
            existing.ifPresent(terms::remove);
            LOG.info(() -> "tenant=" + tenantId + " asks no terms before linking");
            return Optional.empty();
        }
        if (existing.isPresent()) {
            existing.get().change(text, clock.instant());
            return existing;
        }
        LinkTerms created = new LinkTerms(tenantId, text, clock.instant());
        terms.add(created);
        LOG.info(() -> "tenant=" + tenantId + " asks terms before linking");
        return Optional.of(created);
    }

    public Standing standing(TenantId tenantId, String personId) {
        requirePerson(tenantId, personId);
        Optional<LinkTerms> current = terms.find(tenantId);
        if (current.isEmpty()) {
            return new Standing(null, null);
        }
        Instant acceptedAt = terms.acceptance(tenantId, personId).filter(current.get()::acceptedIn)
                .map(LinkTermsAcceptance::acceptedAt).orElse(null);
        return new Standing(current.get(), acceptedAt);
    }

    /** Records that the person accepts the current version now. */
    public Standing accept(TenantId tenantId, String personId) {
        requirePerson(tenantId, personId);
        LinkTerms current = terms.find(tenantId)
                .orElseThrow(() -> new InvalidInputException("terms", "terms.noneToAccept"));
        Instant now = clock.instant();
        LinkTermsAcceptance acceptance = terms.acceptance(tenantId, personId).orElse(null);
        if (acceptance == null) {
            acceptance = new LinkTermsAcceptance(personId, current, now);
            terms.add(acceptance);
        } else {
            acceptance.accept(current, now);
        }
        return new Standing(current, acceptance.acceptedAt());
    }

    /** Refuses a person's own link until they accepted the current terms. */
    public void requireAccepted(TenantId tenantId, String personId) {
        if (standing(tenantId, personId).mustAccept()) {
            throw new InvalidInputException("terms", "terms.acceptFirst");
        }
    }

    private void requirePerson(TenantId tenantId, String personId) {
        people.find(tenantId, personId).orElseThrow(() -> new UnknownEntityException("person", personId));
    }
}
