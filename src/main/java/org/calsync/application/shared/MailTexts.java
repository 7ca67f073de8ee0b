package org.calsync.application.shared;

import java.text.MessageFormat;
import java.util.ResourceBundle;

import org.calsync.domain.shared.Language;

/** The words of CalSync's emails in one language; the patterns live in the {@code mails} bundles. */
public final class MailTexts {

    private final Language language;
    private final ResourceBundle bundle;

    public MailTexts(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("org.calsync.application.mails", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), language.locale()).format(arguments);
    }

    public Language language() {
        return language;
    }
}
