package org.calsync.domain.model.mail;

import java.time.Instant;

import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.Validation;

/**
 * The organiser's mailbox, where mail clients send replies to invitations (iTIP REPLY), and how CalSync signs in
 * to read it over IMAP. One per organisation. The password is kept encrypted; this class never sees it in clear.
 * It also keeps the outcome of the last read, which the console shows.
 */
public class ReplyMailbox {

    public static final String DEFAULT_PROCESSED_FOLDER = "Processed";

    private String tenantId;
    private boolean enabled;
    private String host;
    private int port;
    private MailSecurity security;
    private String username;
    private String passwordCipher;
    private String processedFolder;
    private Instant lastReadAt;
    private String lastProblem;
    private int repliesRecorded;
    private int repliesRefused;
    private long version;

    protected ReplyMailbox() {
        // for JPA
    }

    public ReplyMailbox(TenantId tenantId) {
        this.tenantId = tenantId.value();
        this.security = MailSecurity.SSL_TLS;
        this.port = MailSecurity.SSL_TLS.usualImapPort();
        this.processedFolder = DEFAULT_PROCESSED_FOLDER;
    }

    /**
     * Replaces the settings. A null {@code newPasswordCipher} keeps the stored password, so that a form need never
     * show it; a new one comes encrypted. Reading needs a host, a user and a password.
     */
    public void change(boolean read, String newHost, int newPort, MailSecurity newSecurity, String newUsername,
            String newPasswordCipher, String newProcessedFolder) {
        String cleanHost = blankToNull(newHost);
        String cleanUser = blankToNull(newUsername);
        String cleanFolder = blankToNull(newProcessedFolder);
        Validation validation = new Validation();
        validation.check(!read || cleanHost != null, "imapHost", "replies.hostRequired");
        validation.check(cleanHost == null || (cleanHost.length() <= 255 && !cleanHost.contains(" ")
                && !cleanHost.contains("/")), "imapHost", "replies.hostInvalid");
        validation.check(newPort > 0 && newPort < 65536, "imapPort", "replies.portInvalid");
        validation.check(newSecurity != null, "imapSecurity", "replies.securityRequired");
        validation.check(!read || cleanUser != null, "imapUsername", "replies.usernameRequired");
        validation.check(cleanUser == null || cleanUser.length() <= 320, "imapUsername", "replies.usernameInvalid");
        validation.check(!read || newPasswordCipher != null || passwordCipher != null, "imapPassword",
                "replies.passwordRequired");
        validation.check(cleanFolder == null || (cleanFolder.length() <= 200 && !cleanFolder.equalsIgnoreCase("INBOX")),
                "processedFolder", "replies.folderInvalid");
        validation.throwIfInvalid();
        boolean elsewhere = !same(cleanHost, host) || !same(cleanUser, username);
        this.enabled = read;
        this.host = cleanHost;
        this.port = newPort;
        this.security = newSecurity;
        this.username = cleanUser;
        if (newPasswordCipher != null) {
            this.passwordCipher = newPasswordCipher;
        } else if (elsewhere) { // a password belongs to one account on one server
            this.passwordCipher = null;
        }
        this.processedFolder = cleanFolder == null ? DEFAULT_PROCESSED_FOLDER : cleanFolder;
        this.lastProblem = null;
    }

    /** A read that got through: what it recorded and refused, added to the totals shown. */
    public void read(Instant at, int recorded, int refused) {
        this.lastReadAt = at;
        this.lastProblem = null;
        this.repliesRecorded += recorded;
        this.repliesRefused += refused;
    }

    /** A read that could not sign in or reach the server: shown to the admin until a read gets through. */
    public void couldNotRead(Instant at, String problem) {
        this.lastReadAt = at;
        this.lastProblem = problem == null ? "?" : problem.substring(0, Math.min(problem.length(), 500));
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public TenantId tenantId() {
        return new TenantId(tenantId);
    }

    /** Whether CalSync reads the mailbox: switched on and with everything it needs to sign in. */
    public boolean reads() {
        return enabled && host != null && username != null && passwordCipher != null;
    }

    public boolean enabled() {
        return enabled;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public MailSecurity security() {
        return security;
    }

    public String username() {
        return username;
    }

    public boolean hasPassword() {
        return passwordCipher != null;
    }

    /** The password as stored: encrypted. */
    public String passwordCipher() {
        return passwordCipher;
    }

    public String processedFolder() {
        return processedFolder;
    }

    public Instant lastReadAt() {
        return lastReadAt;
    }

    /** Why the last read failed, as the server or network said it; null when it got through. */
    public String lastProblem() {
        return lastProblem;
    }

    public int repliesRecorded() {
        return repliesRecorded;
    }

    public int repliesRefused() {
        return repliesRefused;
    }
}
