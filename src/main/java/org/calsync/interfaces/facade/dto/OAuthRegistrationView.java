package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/**
 * A tenant's app registration with Microsoft Entra or Google, never with its secret.
 *
 * @param redirectUri      what the admin registers with the provider
 * @param adminConsentLink Microsoft's page an Entra administrator opens once; null for Google
 * @param watchChanges       changes come back through watches, not only the hourly pull
 */
public record OAuthRegistrationView(String provider, boolean configured, String directoryId, String clientId,
        boolean secretStored, boolean organisationWide, String redirectUri, String adminConsentLink,
        boolean watchChanges, WatchStatusView watchStatus)
        implements Serializable {
}
