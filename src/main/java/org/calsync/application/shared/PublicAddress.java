package org.calsync.application.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address people reach CalSync at ({@code calsync.public-url}), for every link CalSync hands out: in
 * emails, in calendar events, in the start-up banner.
 */
@ApplicationScoped
public class PublicAddress {

    @Inject
    @ConfigProperty(name = "calsync.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    PublicAddress() {
        // for CDI, which sets the address
    }

    /** Outside a container: tests. */
    public PublicAddress(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** The link to a path on this installation; a trailing slash in the setting is ignored. */
    public String link(String pathAndQuery) {
        return publicUrl.replaceAll("/+$", "") + pathAndQuery;
    }
}
