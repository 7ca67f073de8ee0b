package org.calsync.interfaces.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.faces.context.FacesContext;

import org.calsync.domain.shared.Language;

/**
 * Texts from the pages' bundle (the {@code msg} variable) for messages that beans write, in the language of
 * the page. French texts use the typographic apostrophe, so MessageFormat's quoting never eats one.
 */
public final class Texts {

    private Texts() {
    }

    /** The page's language; English outside a page (a unit test, a batch job). */
    public static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context == null || context.getViewRoot() == null ? Locale.ENGLISH : context.getViewRoot().getLocale();
    }

    /** The page's language, for what the facades word themselves (sync notes, alerts, held calendars). */
    public static Language language() {
        return Language.speaking(locale());
    }

    public static String get(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern
                : new MessageFormat(pattern, locale()).format(arguments);
    }

    /**
     * The text with its first letter in capitals: French day and month names are written in lower case, and a
     * heading or a sentence's start needs "Lundi".
     */
    public static String capitalised(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
