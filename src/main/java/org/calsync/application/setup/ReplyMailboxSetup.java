package org.calsync.application.setup;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.domain.model.calendar.SecretCipher;
import org.calsync.domain.model.mail.MailSecurity;
import org.calsync.domain.model.mail.ReplyMailbox;
import org.calsync.domain.model.mail.ReplyMailboxRepository;
import org.calsync.domain.model.tenant.TenantId;

/** The organiser mailbox CalSync reads replies from: shown (never its password) and changed by an admin. */
@ApplicationScoped
@Transactional
public class ReplyMailboxSetup {

    private static final Logger LOG = Logger.getLogger(ReplyMailboxSetup.class.getName());

    @Inject
    private ReplyMailboxRepository mailboxes;

    @Inject
    private SecretCipher cipher;

    /** The organisation's mailbox settings; unsaved defaults (not read, IMAPS on 993) before the first save. */
    public ReplyMailbox mailbox(TenantId tenantId) {
        return mailboxes.find(tenantId).orElseGet(() -> new ReplyMailbox(tenantId));
    }

    /** Saves the settings; a blank password keeps the stored one. */
    public ReplyMailbox change(TenantId tenantId, boolean read, String host, int port, MailSecurity security,
            String username, String password, String processedFolder) {
        ReplyMailbox mailbox = mailboxes.find(tenantId).orElse(null);
        boolean fresh = mailbox == null;
        if (fresh) {
            mailbox = new ReplyMailbox(tenantId);
        }
        String newCipher = password == null || password.isEmpty() ? null : cipher.encrypt(password);
        mailbox.change(read, host, port, security, username, newCipher, processedFolder);
        if (fresh) {
            mailboxes.add(mailbox);
        }
        LOG.info(() -> "tenant=" + tenantId + " reply mailbox " + (read ? "read at " + host + ":" + port : "not read"));
        return mailbox;
    }
}
