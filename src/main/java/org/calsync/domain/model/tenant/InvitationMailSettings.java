package org.calsync.domain.model.tenant;

import java.util.regex.Pattern;

import org.calsync.domain.shared.Validation;

/**
 * Whether the organisation emails sessions as invitations (iMIP: an .ics that mail clients show with Accept and
 * Decline), from which address, to whom, and what a learner's decline does. Immutable: a change replaces the
 * whole value.
 */
public class InvitationMailSettings {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private boolean invitationMailEnabled;
    /** The organiser of every invitation; replies go there. Null: the installation's sender, calsync.mail.from. */
    private String invitationSender;
    private InvitationAudience invitationAudience;
    /** Whether a learner's decline unregisters them before the cancellation deadline; after it, an admin decides. */
    private boolean declineUnregisters;

    protected InvitationMailSettings() {
        // for JPA
    }

    public InvitationMailSettings(boolean enabled, String sender, InvitationAudience audience,
            boolean declineUnregisters) {
        Validation validation = new Validation();
        String cleanSender = sender == null || sender.isBlank() ? null : sender.strip();
        validation.check(cleanSender == null || (cleanSender.length() <= 320 && ADDRESS.matcher(cleanSender).matches()),
                "invitationSender", "person.emailInvalid");
        validation.check(audience != null, "invitationAudience", "settings.audienceRequired");
        validation.throwIfInvalid();
        this.invitationMailEnabled = enabled;
        this.invitationSender = cleanSender;
        this.invitationAudience = audience;
        this.declineUnregisters = declineUnregisters;
    }

    /** A new organisation sends none until an admin turns them on. */
    public static InvitationMailSettings defaults() {
        return new InvitationMailSettings(false, null, InvitationAudience.WITHOUT_LINKED_CALENDAR, false);
    }

    public boolean enabled() {
        return invitationMailEnabled;
    }

    /** The organiser address chosen by the organisation; null when the installation's sender is used. */
    public String sender() {
        return invitationSender;
    }

    public InvitationAudience audience() {
        return invitationAudience == null ? InvitationAudience.WITHOUT_LINKED_CALENDAR : invitationAudience;
    }

    /** Whether a learner who declines (by email or in the portal) is unregistered, under the cancellation deadline. */
    public boolean declineUnregisters() {
        return declineUnregisters;
    }

    /** Whether a person gets emails, given whether they have a linked calendar that receives sessions. */
    public boolean reaches(boolean hasLinkedCalendar) {
        return invitationMailEnabled && (audience() == InvitationAudience.EVERYONE || !hasLinkedCalendar);
    }
}
