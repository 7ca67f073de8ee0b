package org.calsync.interfaces.facade;

import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.linking.SyncPauses;
import org.calsync.application.people.PersonService;
import org.calsync.application.setup.TenantSettingsService;
import org.calsync.interfaces.facade.dto.InvitationEmailsView;
import org.calsync.application.people.RoleService;
import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonDetails;
import org.calsync.domain.model.person.Role;
import org.calsync.domain.model.person.WorkingHours;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.Language;
import org.calsync.interfaces.facade.dto.PauseImpactView;
import org.calsync.interfaces.facade.dto.PersonForm;
import org.calsync.interfaces.facade.dto.PersonView;
import org.calsync.interfaces.facade.dto.RoleView;

/** People and roles for the console and the REST API. */
@ApplicationScoped
@Transactional
public class PeopleFacade {

    @Inject
    private PersonService people;

    @Inject
    private RoleService roles;

    @Inject
    private SyncPauses pauses;

    @Inject
    private TenantSettingsService settings;

    public PersonView create(String tenantId, PersonForm form) {
        Optional<LanguageChange> language = language(form);
        Person created = people.create(new TenantId(tenantId), details(form), form.roles(), password(form));
        return view(language.map(change -> people.chooseLanguage(new TenantId(tenantId), created.id(), change.chosen()))
                .orElse(created));
    }

    /** A change of roles that takes calendar integration away pauses the person's calendars; events stay. */
    public PersonView update(String tenantId, String personId, PersonForm form) {
        TenantId tenant = new TenantId(tenantId);
        Optional<LanguageChange> language = language(form);
        Set<String> allowedBefore = pauses.allowedAccounts(tenant);
        Person updated = people.update(tenant, personId, details(form), form.roles(), password(form));
        pauses.applyChange(tenant, allowedBefore, false);
        return view(language.map(change -> people.chooseLanguage(tenant, personId, change.chosen())).orElse(updated));
    }

    /** The person's own choice of language, as the pages' switcher saves it; blank follows the organisation's. */
    public void chooseLanguage(String tenantId, String personId, String code) {
        people.chooseLanguage(new TenantId(tenantId), personId,
                language(new PersonForm(null, null, null, null, null, null, null, null, code)).orElseThrow().chosen());
    }

    /** Whether the organisation emails sessions, and whether this person takes them; for the portal's switch. */
    public InvitationEmailsView invitationEmails(String tenantId, String personId) {
        TenantId tenant = new TenantId(tenantId);
        return new InvitationEmailsView(settings.tenant(tenant).invitationMail().enabled(),
                people.find(tenant, personId).takesInvitationEmails());
    }

    public void takeInvitationEmails(String tenantId, String personId, boolean wanted) {
        people.takeInvitationEmails(new TenantId(tenantId), personId, wanted);
    }

    /** A person's new language: one CalSync speaks, or none to follow the organisation's. */
    private record LanguageChange(Optional<Language> chosen) {
    }

    /** The change the form asks for; empty when it leaves the language as it is. */
    private static Optional<LanguageChange> language(PersonForm form) {
        if (form.language() == null) {
            return Optional.empty();
        }
        if (form.language().isBlank()) {
            return Optional.of(new LanguageChange(Optional.empty()));
        }
        Language chosen = Language.ofCode(form.language())
                .orElseThrow(() -> new InvalidInputException("language", "person.languageUnknown", form.language()));
        return Optional.of(new LanguageChange(Optional.of(chosen)));
    }

    public PersonView get(String tenantId, String personId) {
        return view(people.find(new TenantId(tenantId), personId));
    }

    public List<PersonView> list(String tenantId) {
        return people.list(new TenantId(tenantId)).stream().map(PeopleFacade::view).toList();
    }

    /** People who may be assigned to deliver sessions. */
    public List<PersonView> instructors(String tenantId) {
        return people.listWithPermission(new TenantId(tenantId), Permission.DELIVER_SESSIONS).stream()
                .map(PeopleFacade::view).toList();
    }

    public List<RoleView> roles(String tenantId) {
        return roles.list(new TenantId(tenantId)).stream().map(PeopleFacade::view).toList();
    }

    public RoleView createRole(String tenantId, String name, Set<String> permissions) {
        return view(roles.create(new TenantId(tenantId), name,
                EnumInput.parseAll(Permission.class, permissions, "permissions")));
    }

    /** What giving the role these permissions would pause, for the confirmation that asks about CalSync's events. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PauseImpactView impactOfPermissions(String tenantId, String roleId, Set<String> permissions) {
        SyncPauses.Impact impact = pauses.impactOfRole(new TenantId(tenantId), roleId,
                EnumInput.parseAll(Permission.class, permissions, "permissions"));
        return new PauseImpactView(impact.accounts(), impact.people(), impact.writtenEvents());
    }

    /**
     * Changes a role's permissions. Taking calendar integration away pauses its people's calendars, which keep
     * what CalSync wrote unless {@code removeWrittenEvents}; giving it back resumes them.
     */
    public RoleView changePermissions(String tenantId, String roleId, Set<String> permissions,
            boolean removeWrittenEvents) {
        TenantId tenant = new TenantId(tenantId);
        Set<String> allowedBefore = pauses.allowedAccounts(tenant);
        Role changed = roles.changePermissions(tenant, roleId, EnumInput.parseAll(Permission.class, permissions, "permissions"));
        pauses.applyChange(tenant, allowedBefore, removeWrittenEvents);
        return view(changed);
    }

    private static PersonDetails details(PersonForm form) {
        WorkingHours hours = form.workStart() == null && form.workEnd() == null
                && (form.workDays() == null || form.workDays().isEmpty())
                ? null
                : new WorkingHours(form.workStart(), form.workEnd(),
                        EnumInput.parseAll(DayOfWeek.class, form.workDays(), "workDays"));
        return new PersonDetails(form.email(), form.displayName(), form.timeZone(), hours);
    }

    private static char[] password(PersonForm form) {
        return form.password() == null || form.password().isEmpty() ? null : form.password().toCharArray();
    }

    static PersonView view(Person person) {
        List<Role> sortedRoles = person.roles().stream().sorted(Comparator.comparing(Role::name)).toList();
        WorkingHours hours = person.workingHours();
        return new PersonView(person.id(), person.email(), person.displayName(), person.timeZone().getId(),
                hours.start(), hours.end(), EnumInput.names(hours.days()),
                sortedRoles.stream().map(Role::name).toList(), sortedRoles.stream().map(Role::id).toList(),
                person.canSignIn(), person.language().map(Language::code).orElse(null));
    }

    static RoleView view(Role role) {
        return new RoleView(role.id(), role.name(), EnumInput.names(role.permissions()));
    }
}
