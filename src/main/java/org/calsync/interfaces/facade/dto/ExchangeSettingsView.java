package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/**
 * A tenant's Exchange settings as forms and the API show them. The service account's password is never
 * shown: {@code servicePasswordSet} says whether one is stored, and a form leaves it blank to keep it.
 * {@code discoveredEwsUrl} is what Autodiscover found; it is read only, and a typed {@code ewsUrl} wins.
 * {@code streamChanges}: changes come over streaming notifications; null in a form keeps the stored choice.
 */
public record ExchangeSettingsView(boolean configured, String ewsUrl, String autodiscoverEmail, String discoveredEwsUrl,
        String serverVersion,
        String authMode, String authScheme, String serviceUsername, boolean servicePasswordSet,
        String trustedCertificates, Boolean streamChanges) implements Serializable {
}
