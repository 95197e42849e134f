package io.flotilla.scenarios.output;

/**
 * Text from a scenario made safe to print on one line of a terminal: a line end, a control
 * character or an invisible formatting character inside a name, a label or a description is
 * shown as an escape ({@code \n}, {@code \t}, {@code \u202e}) instead of being obeyed, so that a
 * value cannot start a line of its own (and forge a timeline line or a problem), move the cursor,
 * colour the terminal or reverse the text after it (a right-to-left override). Right-to-left
 * letters themselves print as they are.
 *
 * <p>Escaped: the C0 and C1 controls and DEL, Unicode's format characters (bidirectional
 * overrides and isolates, zero-width characters, the byte order mark), the line and paragraph
 * separators, and a surrogate without its pair. A backslash stays as it is.
 */
public final class Printable {

    private Printable() {}

    /** {@code text} with every character that would not print as itself escaped; {@code text} itself when there is none. */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        int first = firstToEscape(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (escaped(text, i)) {
                escape(out, cp);
            } else {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out.toString();
    }

    private static int firstToEscape(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            char c = text.charAt(i);
            if ((c < 0x20 || c >= 0x7f) && escaped(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the code point starting at {@code i} is escaped. */
    private static boolean escaped(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                return true;
            }
            return isFormat(text.codePointAt(i));
        }
        if (Character.isLowSurrogate(c)) {
            // Its high surrogate, if any, was read with it.
            return true;
        }
        return Character.isISOControl(c) || isFormat(c);
    }

    private static boolean isFormat(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static void escape(StringBuilder out, int cp) {
        switch (cp) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> out.append(cp > 0xFFFF ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
        }
    }
}
