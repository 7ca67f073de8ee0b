package org.calsync.it.ui.pages;

import java.util.List;

/**
 * Looks at a page the way every page is checked: in English and French, at 1400 px and on a 390 px phone. The
 * person signs in once per language; the look runs at each width, after the window is resized.
 */
public final class EveryLook {

    public static final List<String> LANGUAGES = List.of("en-GB", "fr-FR");
    public static final List<Integer> WIDTHS = List.of(1400, 390);

    private EveryLook() {
    }

    /** One look at the page, in one language at one width. */
    @FunctionalInterface
    public interface Look {
        void at(Browser browser, String language, int width);
    }

    public static void inEachLanguageAndWidth(String url, String email, String password, Look look) {
        for (String language : LANGUAGES) {
            try (Browser browser = new Browser(url, language)) {
                new LoginPage(browser).signInAs(email, password);
                for (int width : WIDTHS) {
                    browser.resize(width, 900);
                    look.at(browser, language, width);
                }
            }
        }
    }

    /** The name a screenshot of this look gets: the page's name, the language and the width. */
    public static String shot(String page, String language, int width) {
        return page + "-" + language.substring(0, 2) + "-" + width;
    }

    public static boolean english(String language) {
        return language.startsWith("en");
    }
}
