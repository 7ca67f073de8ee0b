package org.calsync.domain.model.person;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.calsync.domain.model.tenant.TenantId;

public interface PersonRepository {

    Optional<Person> find(TenantId tenantId, String id);

    /** The tenant's people among these ids, in no order; ids of no one, or of another tenant, are left out. */
    List<Person> findAll(TenantId tenantId, Collection<String> ids);

    /** Installation-wide, because an email is one sign-in; used by login and the uniqueness check. */
    Optional<Person> findByEmail(String email);

    List<Person> list(TenantId tenantId);

    List<Person> listWithPermission(TenantId tenantId, Permission permission);

    void add(Person person);
}
