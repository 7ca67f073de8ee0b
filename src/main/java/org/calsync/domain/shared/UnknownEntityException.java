package org.calsync.domain.shared;

/**
 * Nothing of that kind and id exists in the caller's tenant. Deliberately the same answer whether the id
 * is unknown or belongs to another tenant, so that ids of other tenants cannot be probed.
 */
public class UnknownEntityException extends RuntimeException {

    public UnknownEntityException(String kind, String id) {
        super("No " + kind + " with id " + id);
    }
}
