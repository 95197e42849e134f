package io.flotilla.scheduler.placement.swarm;

/**
 * The few Go text rules the constraint syntax depends on, written out so that Java's own notions of
 * whitespace and case-insensitive classes do not creep in: {@code strings.TrimSpace}
 * ({@code unicode.IsSpace}) and the two RE2 patterns of {@code manager/constraint}, where {@code (?i)}
 * folds {@code [a-z]} to also accept the Kelvin sign and the long s, and {@code \s} is
 * {@code [\t\n\f\r ]}.
 */
final class GoText {

    private GoText() {}

    static String trimSpace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code ^(?i)[a-z_][a-z0-9\-_.]+$}: at least two characters. */
    static boolean isConstraintKey(String s) {
        if (s.length() < 2 || !(isFoldedLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isFoldedLetter(c) || isDigit(c) || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** {@code ^(?i)[a-z0-9:\-_\s\.\*\(\)\?\+\[\]\\\^\$\|\/]+$}. */
    static boolean isConstraintValue(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = isFoldedLetter(c) || isDigit(c) || "\t\n\f\r :-_.*()?+[]\\^$|/".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFoldedLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\u212A' || c == '\u017F';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Go's {@code unicode.IsSpace}. */
    private static boolean isSpace(char c) {
        switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
                    '\u205F', '\u3000':
                return true;
            default:
                return c >= '\u2000' && c <= '\u200A';
        }
    }
}
