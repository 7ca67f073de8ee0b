package org.calsync.testsupport;

import org.calsync.domain.model.calendar.CalendarAccount;
import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.session.TrainingSession;
import org.calsync.domain.model.tenant.SyncDirection;
import org.calsync.domain.model.tenant.Tenant;

/**
 * One organisation kept in in-memory repositories, for application tests without a database: Northwind, two-way
 * CalDAV sync, and the people, accounts and sessions a test adds.
 */
public final class InMemoryOrganisation {

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryPeople people = new InMemoryPeople();
    private final InMemoryCalendarAccounts accounts = new InMemoryCalendarAccounts();
    private final InMemoryEventLinks links = new InMemoryEventLinks();
    private final InMemoryTrainingSessions sessions = new InMemoryTrainingSessions();
    private final Tenant tenant = new Tenant("Northwind Training");

    public InMemoryOrganisation() {
        tenant.changeSettings(DomainFixtures.calDavSettings(SyncDirection.TWO_WAY));
        tenants.add(tenant);
    }

    /** Someone who delivers sessions and may link calendars. */
    public Person instructor(String name) {
        Person person = DomainFixtures.person(tenant.id(), name, Permission.DELIVER_SESSIONS,
                Permission.CALENDAR_INTEGRATION);
        people.add(person);
        return person;
    }

    /** The person's CalDAV account with one writable calendar, "work", which receives their sessions. */
    public CalendarAccount calDavAccount(Person owner) {
        CalendarAccount linked = DomainFixtures.calDavAccount(tenant.id(), owner);
        accounts.add(linked);
        return linked;
    }

    /** The session, led by the person, kept. */
    public TrainingSession ledBy(Person lead, TrainingSession session) {
        session.assignInstructor(lead);
        sessions.add(session);
        return session;
    }

    public Tenant tenant() {
        return tenant;
    }

    public InMemoryTenants tenants() {
        return tenants;
    }

    public InMemoryPeople people() {
        return people;
    }

    public InMemoryCalendarAccounts accounts() {
        return accounts;
    }

    public InMemoryEventLinks links() {
        return links;
    }

    public InMemoryTrainingSessions sessions() {
        return sessions;
    }
}
