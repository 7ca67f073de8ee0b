package org.calsync.testsupport;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.tenant.TenantId;

/** People in a map, answering as the JPA repository does, for application tests without a database. */
public final class InMemoryPeople implements PersonRepository {

    private final Map<String, Person> byId = new LinkedHashMap<>();

    @Override
    public Optional<Person> find(TenantId tenantId, String id) {
        return Optional.ofNullable(byId.get(id)).filter(person -> person.belongsTo(tenantId));
    }

    @Override
    public List<Person> findAll(TenantId tenantId, Collection<String> ids) {
        return ids.stream().distinct().flatMap(id -> find(tenantId, id).stream()).toList();
    }

    @Override
    public Optional<Person> findByEmail(String email) {
        return byId.values().stream().filter(person -> person.email().equalsIgnoreCase(email)).findFirst();
    }

    @Override
    public List<Person> list(TenantId tenantId) {
        return byId.values().stream().filter(person -> person.belongsTo(tenantId)).toList();
    }

    @Override
    public List<Person> listWithPermission(TenantId tenantId, Permission permission) {
        return list(tenantId).stream().filter(person -> person.has(permission)).toList();
    }

    @Override
    public void add(Person person) {
        byId.put(person.id(), person);
    }
}
