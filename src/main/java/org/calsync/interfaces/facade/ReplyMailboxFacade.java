package org.calsync.interfaces.facade;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.calsync.application.email.ReplyReading;
import org.calsync.application.setup.ReplyMailboxSetup;
import org.calsync.domain.model.mail.MailSecurity;
import org.calsync.domain.model.mail.ReplyMailbox;
import org.calsync.domain.model.tenant.TenantId;
import org.calsync.domain.shared.ConflictException;
import org.calsync.interfaces.facade.dto.ReplyMailboxView;
import org.calsync.interfaces.facade.dto.ReplyReadView;

/** The reply mailbox for the console and the REST API: its settings, and a read on demand. */
@ApplicationScoped
@Transactional
public class ReplyMailboxFacade {

    @Inject
    private ReplyMailboxSetup setup;

    @Inject
    private ReplyReading reading;

    public ReplyMailboxView mailbox(String tenantId) {
        return view(setup.mailbox(new TenantId(tenantId)));
    }

    /** Saves the settings; a blank password keeps the stored one. */
    public ReplyMailboxView change(String tenantId, ReplyMailboxView form, String password) {
        MailSecurity security = EnumInput.parse(MailSecurity.class, form.security(), "imapSecurity");
        return view(setup.change(new TenantId(tenantId), form.enabled(), form.host(), form.port(), security,
                form.username(), password, form.processedFolder()));
    }

    /** Reads the mailbox now, outside any transaction: the mail server may take its time. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ReplyReadView readNow(String tenantId) {
        try {
            return reading.readNow(new TenantId(tenantId))
                    .map(read -> new ReplyReadView(read.recorded(), read.refused(), read.problem()))
                    .orElseThrow(() -> new ConflictException("replies", "replies.readUnderWay"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException("replies", "replies.readUnderWay");
        }
    }

    private static ReplyMailboxView view(ReplyMailbox mailbox) {
        return new ReplyMailboxView(mailbox.enabled(), mailbox.reads(), mailbox.host(), mailbox.port(),
                mailbox.security().name(), mailbox.username(), mailbox.hasPassword(), mailbox.processedFolder(),
                mailbox.lastReadAt(), mailbox.lastProblem(), mailbox.repliesRecorded(), mailbox.repliesRefused());
    }
}
