package org.calsync.application;

import java.text.MessageFormat;
import java.util.ResourceBundle;

import org.calsync.domain.shared.Language;

/** The words of CalSync's emails in one language; the patterns live in the {@code mails} bundles. */
final class MailTexts {

    private final Language language;
    private final ResourceBundle bundle;

    MailTexts(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("org.calsync.application.mails", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), language.locale()).format(arguments);
    }

    Language language() {
        return language;
    }
}
