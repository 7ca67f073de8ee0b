package org.calsync.interfaces.rest;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.calsync.interfaces.facade.TenantFacade;

/**
 * Every API call presents a tenant API key; the key decides the tenant, never a parameter. Only the notification
 * endpoints providers call ({@link CalledByProviders}) carry none.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    @Inject
    private TenantFacade tenants;

    @Inject
    private ApiCaller caller;

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> called = resource.getResourceClass();
        if (called != null && called.isAnnotationPresent(CalledByProviders.class)) {
            return;
        }
        String key = request.getHeaderString(HEADER);
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if ((key == null || key.isBlank()) && authorization != null && authorization.startsWith(BEARER)) {
            key = authorization.substring(BEARER.length());
        }
        tenants.tenantOfApiKey(key).ifPresentOrElse(caller::authenticatedAs,
                () -> request.abortWith(Problems.unauthorized()));
    }
}
