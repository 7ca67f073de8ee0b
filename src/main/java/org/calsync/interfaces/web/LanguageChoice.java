package org.calsync.interfaces.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;

import org.calsync.interfaces.facade.PeopleFacade;

/**
 * The language of the pages: the one chosen with the switcher (kept in a cookie for a year), else the first
 * of the browser's languages that CalSync speaks, else English.
 */
@Named
@RequestScoped
public class LanguageChoice {

    static final String COOKIE = "calsync-lang";
    private static final List<String> SPOKEN = List.of("en", "fr");

    @Inject
    private CurrentUser user;

    @Inject
    private PeopleFacade people;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            locale = Locale.forLanguageTag(decide(external));
            remember(external.getRequestParameterMap().get("lang"));
        }
        return locale;
    }

    /**
     * A signed-in person who picks a language with the switcher gets their emails and calendar events in it
     * too: the choice is theirs, not the browser's.
     */
    private void remember(String asked) {
        if (asked != null && SPOKEN.contains(asked) && user.isSignedIn()) {
            people.chooseLanguage(user.getTenantId(), user.getPersonId(), asked);
        }
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
