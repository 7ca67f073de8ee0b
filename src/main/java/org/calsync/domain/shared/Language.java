package org.calsync.domain.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages CalSync writes in: its pages, its emails, and the text it puts into calendar events. */
public enum Language {
    ENGLISH(Locale.ENGLISH),
    FRENCH(Locale.FRENCH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** "en" or "fr", as pages, the API and browsers name it. */
    public String code() {
        return locale.getLanguage();
    }

    /** The language of this locale (a page's, a browser's); English when CalSync does not speak it. */
    public static Language speaking(Locale locale) {
        return ofCode(locale.getLanguage()).orElse(ENGLISH);
    }

    /** The language with this code ("en", "fr-CA" and "FR" are understood); empty for one CalSync does not speak. */
    public static Optional<Language> ofCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(code.strip().replace('_', '-')).getLanguage();
        return Arrays.stream(values()).filter(candidate -> candidate.code().equals(language)).findFirst();
    }
}
