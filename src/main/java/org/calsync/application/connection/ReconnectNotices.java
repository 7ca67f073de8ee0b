package org.calsync.application.connection;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.shared.MailTexts;
import org.calsync.application.shared.PublicAddress;
import org.calsync.domain.model.calendar.AccountStatus;
import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.calendar.CalendarAccountRepository;
import org.calsync.domain.model.mail.Mailer;
import org.calsync.domain.model.mail.OutgoingMail;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.Language;

/**
 * Tells a person, once, that one of their calendars stopped accepting CalSync, with a link to reconnect it.
 * Sent after the status change is committed, so a mail server that is down never undoes it; the console
 * and the portal show the account as needing reconnection either way. Calendars the organisation reaches
 * for everyone (an Exchange service account, Microsoft 365's application permission) send nothing: only an
 * administrator can mend those, and the console shows them.
 */
@ApplicationScoped
public class ReconnectNotices {

    private static final Logger LOG = Logger.getLogger(ReconnectNotices.class.getName());

    /** An account has just started needing its owner to reconnect it. */
    public record ReconnectNeeded(TenantId tenantId, String accountId) {
    }

    @Inject
    private CalendarAccountRepository accounts;

    @Inject
    private CalendarProviders providers;

    @Inject
    private PersonRepository people;

    @Inject
    private TenantRepository tenants;

    @Inject
    private Mailer mailer;

    @Inject
    private PublicAddress address;

    @Inject
    private AccountConnections connections;

    @Inject
    private Event<ReconnectNeeded> reconnectNeeded;

    /**
     * The account's credentials were refused: it needs its owner now, who is told once, after the caller's
     * transaction commits.
     */
    public void refused(TenantId tenantId, CalendarAccount account, String message) {
        if (account.markNeedsReconsent(message)) {
            reconnectNeeded.fire(new ReconnectNeeded(tenantId, account.id()));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReconnectNeeded needed) {
        Optional<CalendarAccount> account = accounts.find(needed.tenantId(), needed.accountId())
                .filter(a -> a.status() == AccountStatus.NEEDS_RECONSENT);
        Optional<Person> person = account.flatMap(a -> people.find(needed.tenantId(), a.personId()));
        if (person.isEmpty() || connections.reachedByTheOrganisation(account.get())) {
            return; // reconnected or removed meanwhile, or not the person's to mend
        }
        try {
            Optional<Tenant> tenant = tenants.find(needed.tenantId());
            mailer.send(mail(tenant.map(Tenant::name).orElse("CalSync"), tenant.map(Tenant::language).orElse(Language.ENGLISH),
                    person.get(), account.get()));
            LOG.info(() -> "tenant=" + needed.tenantId() + " account=" + needed.accountId() + " reconnect notice sent");
        } catch (RuntimeException e) { // MailNotSentException, or anything else: the notice is a courtesy
            LOG.warning(() -> "tenant=" + needed.tenantId() + " account=" + needed.accountId()
                    + " reconnect notice not sent (the portal and console still show it): " + e.getMessage());
        }
    }

    /** The notice in the person's language, or else the organisation's. */
    private OutgoingMail mail(String tenantName, Language organisationLanguage, Person person, CalendarAccount account) {
        MailTexts texts = new MailTexts(person.languageOr(organisationLanguage));
        String calendar = texts.get("provider." + account.provider().name()) + " (" + account.username() + ")";
        String how = providers.traitsOf(account.provider()).usesOAuth()
                ? texts.get("reconnect.signInAgain", texts.get("provider." + account.provider().name()))
                : texts.get("reconnect.typePassword");
        String said = account.statusMessage() == null ? texts.get("reconnect.refused") : account.statusMessage();
        return new OutgoingMail(person.email(), person.displayName(), texts.get("reconnect.subject", tenantName),
                texts.get("reconnect.body", person.displayName(), calendar, tenantName, said, how,
                        address.link("/portal/calendars.xhtml")));
    }
}
