package org.calsync.domain.shared;

/**
 * What text every calendar can carry: tab and line breaks, but no other control character (C0, DEL, C1), no half
 * of a surrogate pair and no non-character U+FFFE or U+FFFF. These are the characters XML 1.0 refuses or that
 * calendar clients choke on; one of them in a title stops a whole calendar from being read again.
 */
public final class Text {

    private Text() {
    }

    /** The first code point that no calendar can carry, or -1 when there is none. */
    public static int firstUncarriable(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!carriable(codePoint)) {
                return codePoint;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    /** The text with every character no calendar can carry left out; null stays null. */
    public static String carriable(String text) {
        if (text == null || firstUncarriable(text) < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(Text::carriable).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static boolean carriable(int codePoint) {
        if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
            return true;
        }
        // codePointAt returns a lone surrogate as itself, so one without its pair fails here.
        return !Character.isISOControl(codePoint) && Character.getType(codePoint) != Character.SURROGATE
                && codePoint != 0xFFFE && codePoint != 0xFFFF;
    }
}
