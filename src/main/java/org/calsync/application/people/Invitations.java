package org.calsync.application.people;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.shared.MailTexts;
import org.calsync.application.shared.PublicAddress;
import org.calsync.domain.model.mail.MailNotSentException;
import org.calsync.domain.model.mail.Mailer;
import org.calsync.domain.model.mail.OutgoingMail;
import org.calsync.domain.model.person.Invitation;
import org.calsync.domain.model.person.InvitationRepository;
import org.calsync.domain.model.person.PasswordHasher;
import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.tenant.Tenant;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.model.tenant.TenantRepository;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Message;
import org.calsync.domain.shared.RetryLaterException;
import org.calsync.domain.shared.UnknownEntityException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Invitations by email to connect a calendar. Each link carries a random single-use token that expires;
 * sending again replaces the person's earlier link. Accepting signs the person up (or asks their password)
 * and leads them to linking.
 */
@ApplicationScoped
@Transactional
public class Invitations {

    private static final Logger LOG = Logger.getLogger(Invitations.class.getName());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    @Inject
    private InvitationRepository invitations;

    @Inject
    private PersonRepository people;

    @Inject
    private PersonService personService;

    @Inject
    private TenantRepository tenants;

    @Inject
    private Mailer mailer;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private PublicAddress address;

    @Inject
    @ConfigProperty(name = "calsync.invitations.valid-days", defaultValue = "14")
    int validDays;

    /**
     * Sends each chosen person a new invitation, replacing any earlier link. Everyone must be allowed to link a
     * calendar; otherwise nobody is invited. A mail server that refuses stops the whole request, and nothing
     * is recorded.
     */
    public List<String> invite(TenantId tenantId, List<String> personIds, String invitedBy) {
        if (personIds == null || personIds.isEmpty()) {
            throw new InvalidInputException("people", "invitation.noPeople");
        }
        Tenant tenant = tenants.find(tenantId).orElseThrow();
        List<Person> chosen = new ArrayList<>();
        List<Person> notAllowed = new ArrayList<>();
        for (String personId : personIds) {
            Person person = people.find(tenantId, personId).orElseThrow(() -> new UnknownEntityException("person", personId));
            if (person.has(Permission.CALENDAR_INTEGRATION)) {
                chosen.add(person);
            } else {
                notAllowed.add(person);
            }
        }
        if (!notAllowed.isEmpty()) {
            throw new InvalidInputException("people", "invitation.cannotLink", notAllowed.size(),
                    String.join(", ", notAllowed.stream().map(Person::displayName).toList()));
        }
        Instant now = Instant.now();
        List<String> sent = new ArrayList<>();
        for (Person person : chosen) {
            invitations.forPerson(tenantId, person.id()).forEach(earlier -> earlier.replace(now));
            Invitation.Issued issued = Invitation.issue(tenantId, person.id(), invitedBy, now, Duration.ofDays(validDays));
            invitations.add(issued.invitation());
            try {
                mailer.send(mail(tenant, person, issued.token(), issued.invitation()));
            } catch (MailNotSentException e) {
                // Rolls back every invitation of this request, so none is recorded that was not sent; a link
                // already mailed to someone earlier in the list stops working, and sending again replaces it.
                LOG.warning(() -> "tenant=" + tenantId + " invitation not sent: " + e.getMessage());
                throw new RetryLaterException(Message.of("invitation.mailDown." + e.reason().name(), e.server()), null, e);
            }
            sent.add(person.email());
        }
        LOG.info(() -> "tenant=" + tenantId + " invitations sent to " + sent.size() + " people by " + invitedBy);
        return sent;
    }

    /** The invitation in the person's language, or else the organisation's. */
    private OutgoingMail mail(Tenant tenant, Person person, String token, Invitation invitation) {
        MailTexts texts = new MailTexts(person.languageOr(tenant.language()));
        String link = address.link("/invitation.xhtml?token=" + token);
        String until = DAY.withLocale(texts.language().locale())
                .format(invitation.expiresAt().atZone(person.timeZone() == null ? ZoneId.of("UTC") : person.timeZone()));
        return new OutgoingMail(person.email(), person.displayName(), texts.get("invitation.subject", tenant.name()),
                texts.get("invitation.body", person.displayName(), tenant.name(), link, until));
    }

    /** What an invitation link leads to, for the landing page; never throws for a bad link. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Landing open(String token) {
        Optional<Invitation> found = token == null || token.isBlank() ? Optional.empty()
                : invitations.findByTokenHash(Invitation.hashOf(token.strip()));
        if (found.isEmpty()) {
            return new Landing(Landing.Outcome.UNKNOWN, null, null, null, false, null);
        }
        Invitation invitation = found.get();
        Person person = people.find(invitation.tenantId(), invitation.personId()).orElse(null);
        Tenant tenant = tenants.find(invitation.tenantId()).orElseThrow();
        if (person == null) {
            return new Landing(Landing.Outcome.UNKNOWN, null, null, null, false, null);
        }
        Landing.Outcome outcome = switch (invitation.state(Instant.now())) {
            case PENDING -> Landing.Outcome.WELCOME;
            case ACCEPTED -> Landing.Outcome.USED;
            case EXPIRED -> Landing.Outcome.EXPIRED;
            case REPLACED -> Landing.Outcome.REPLACED;
        };
        return new Landing(outcome, person.displayName(), person.email(), tenant.name(), !person.canSignIn(),
                invitation.expiresAt());
    }

    /**
     * Uses the link up: a person who cannot sign in yet chooses a password; one who can confirms theirs.
     * Returns the email to sign in with.
     */
    public String accept(String token, char[] password) {
        Invitation invitation = invitations.findByTokenHash(Invitation.hashOf(token == null ? "" : token.strip()))
                .filter(i -> i.state(Instant.now()) == Invitation.State.PENDING)
                .orElseThrow(() -> new InvalidInputException("token", "invitation.linkDead"));
        Person person = people.find(invitation.tenantId(), invitation.personId())
                .orElseThrow(() -> new InvalidInputException("token", "invitation.linkDead"));
        if (password == null || password.length == 0) {
            throw new InvalidInputException("password", person.canSignIn() ? "invitation.enterPassword"
                    : "invitation.choosePassword");
        }
        if (!person.canSignIn()) {
            personService.choosePassword(person, password);
        } else if (!hasher.matches(password, person.passwordHash())) {
            throw new InvalidInputException("password", "invitation.wrongPassword");
        }
        invitation.accept(Instant.now());
        LOG.info(() -> "tenant=" + invitation.tenantId() + " person=" + person.id() + " accepted an invitation");
        return person.email();
    }

    /** The newest invitation of each invited person of the tenant, for the console. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Invitation> newest(TenantId tenantId) {
        return invitations.newestPerPerson(tenantId);
    }

    /**
     * Where an invitation link leads.
     *
     * @param needsPassword true when the person cannot sign in yet and chooses a password here
     */
    public record Landing(Outcome outcome, String personName, String email, String organisation,
            boolean needsPassword, Instant expiresAt) {

        public enum Outcome {
            WELCOME, USED, EXPIRED, REPLACED, UNKNOWN
        }
    }
}
