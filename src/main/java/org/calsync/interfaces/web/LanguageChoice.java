package org.calsync.interfaces.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;

/**
 * The language of the pages: the one chosen with the switcher (kept in a cookie for a year), else the first
 * of the browser's languages that CalSync speaks, else English.
 */
@Named
@RequestScoped
public class LanguageChoice {

    static final String COOKIE = "calsync-lang";
    private static final List<String> SPOKEN = List.of("en", "fr");

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = Locale.forLanguageTag(decide(FacesContext.getCurrentInstance().getExternalContext()));
        }
        return locale;
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    private static String decide(ExternalContext external) {
        String asked = external.getRequestParameterMap().get("lang");
        if (asked != null && SPOKEN.contains(asked)) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("maxAge", 365 * 24 * 3600);
            properties.put("path", external.getRequestContextPath().isEmpty() ? "/" : external.getRequestContextPath());
            properties.put("httpOnly", true);
            properties.put("SameSite", "Lax");
            external.addResponseCookie(COOKIE, asked, properties);
            return asked;
        }
        Object cookie = external.getRequestCookieMap().get(COOKIE);
        if (cookie instanceof Cookie kept && SPOKEN.contains(kept.getValue())) {
            return kept.getValue();
        }
        for (java.util.Iterator<Locale> browser = external.getRequestLocales(); browser.hasNext();) {
            String language = browser.next().getLanguage();
            if (SPOKEN.contains(language)) {
                return language;
            }
        }
        return "en";
    }
}
