package org.calsync.application.people;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.person.Permission;
import org.calsync.domain.model.person.Person;
import org.calsync.domain.model.person.PersonRepository;
import org.calsync.domain.model.person.Role;
import org.calsync.domain.model.person.RoleRepository;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.ConflictException;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.UnknownEntityException;

/** Use cases on roles and their permissions. */
@ApplicationScoped
@Transactional
public class RoleService {

    @Inject
    private RoleRepository roles;

    @Inject
    private PersonRepository people;

    public Role create(TenantId tenant, String name, Set<Permission> permissions) {
        if (name != null && roles.findByName(tenant, name.strip()).isPresent()) {
            throw new ConflictException("name", "role.nameTaken", name.strip());
        }
        Role role = new Role(tenant, name, permissions);
        roles.add(role);
        return role;
    }

    /** Changes a role's permissions, refusing a change that would leave nobody able to administer the tenant. */
    public Role changePermissions(TenantId tenant, String roleId, Set<Permission> permissions) {
        Role role = roles.find(tenant, roleId).orElseThrow(() -> new UnknownEntityException("role", roleId));
        role.changePermissions(permissions);
        boolean someAdminLeft = people.list(tenant).stream()
                .filter(Person::canSignIn)
                .anyMatch(person -> person.has(Permission.ADMINISTER_TENANT));
        if (!someAdminLeft) {
            throw new InvalidInputException("permissions", "role.lastAdmin");
        }
        return role;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Role> list(TenantId tenant) {
        return roles.list(tenant);
    }
}
