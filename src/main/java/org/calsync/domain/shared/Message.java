package org.calsync.domain.shared;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Words for a person, kept as a key of the domain's bundle ({@code errors.properties}) with its arguments, so
 * that each interface puts them in its reader's language: the console and portal in the page's, the API in
 * English. An argument that is itself a Message (the name of a field) is put into words in the same language.
 */
public record Message(String key, List<Object> arguments) implements Serializable {

    private static final String BUNDLE = "org.calsync.domain.shared.errors";
    // Without this, a missing translation would fall back to the JVM's own language, not to English.
    private static final ResourceBundle.Control ENGLISH_LAST =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Message {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A message needs a key");
        }
        arguments = List.copyOf(arguments.stream().map(a -> a == null ? (Object) "" : a).toList());
    }

    public static Message of(String key, Object... arguments) {
        return new Message(key, Arrays.asList(arguments));
    }

    public String in(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Message.class.getClassLoader(), ENGLISH_LAST);
        Object[] words = arguments.stream().map(a -> a instanceof Message inner ? inner.in(locale) : a).toArray();
        return new MessageFormat(bundle.getString(key), locale).format(words);
    }

    public String english() {
        return in(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return english();
    }
}
