package org.calsync.interfaces.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ExchangeSettingsRequest")
public class ExchangeSettingsRequest {

    @Schema(description = "The EWS address; when given, it always wins over Autodiscover",
            example = "https://mail.northwind.example/EWS/Exchange.asmx")
    public String ewsUrl;

    @Schema(description = "Without an ewsUrl, the EWS address is found through Autodiscover for this mailbox",
            example = "it@northwind.example")
    public String autodiscoverEmail;

    @Schema(required = true, enumeration = {"EXCHANGE_2010", "EXCHANGE_2010_SP1", "EXCHANGE_2010_SP2", "EXCHANGE_2013",
        "EXCHANGE_2016", "EXCHANGE_2019"})
    public String serverVersion;

    @Schema(required = true, enumeration = {"SERVICE_ACCOUNT_IMPERSONATION", "PER_USER"})
    public String authMode;

    @Schema(required = true, enumeration = {"BASIC", "NTLM"})
    public String authScheme;

    @Schema(description = "The service account with the ApplicationImpersonation role", example = "NORTHWIND\\svc-calsync")
    public String serviceUsername;

    @Schema(description = "Its password; stored encrypted, never returned. Leave out to keep the stored one")
    public String servicePassword;

    @Schema(description = "PEM certificates of a private CA that signed the Exchange server's certificate")
    public String trustedCertificates;

    @Schema(description = "Whether changes made in Outlook reach CalSync within seconds over EWS streaming "
            + "notifications, besides the hourly pull. Leave out to keep the stored choice (true for a new tenant)")
    public Boolean streamChanges;
}
