package io.flotilla.scenarios.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What {@link Printable} escapes, and what it leaves as it is. */
class PrintableTest {

    record Case(String name, String text, String shown) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a line end forging a timeline line", "a\n     10s  web.1  running", "a\\n     10s  web.1  running"),
                new Case("carriage return and tab", "a\rb\tc", "a\\rb\\tc"),
                new Case("a terminal escape", "\u001b[31mred\u001b[0m", "\\u001b[31mred\\u001b[0m"),
                new Case("a right-to-left override", "abc\u202Edef", "abc\\u202edef"),
                new Case("bidirectional isolates and marks", "\u2066a\u2069\u200F", "\\u2066a\\u2069\\u200f"),
                new Case("line and paragraph separators, next line", "a\u2028b\u2029c\u0085d", "a\\u2028b\\u2029c\\u0085d"),
                new Case("a lone surrogate", "x\uD800y", "x\\ud800y"),
                new Case("a lone low surrogate", "\uDC00", "\\udc00"),
                new Case("a format character outside the BMP (a tag)", "a\uDB40\uDC01", "a\\U000e0001"),
                new Case("NUL, BEL and DEL", "\u0000\u0007\u007f", "\\u0000\\u0007\\u007f"),
                new Case("right-to-left letters print as they are", "שלום مرحبا", "שלום مرحبا"),
                new Case("an emoji prints as it is", "😀 web", "😀 web"),
                new Case("quotes, backslashes and <script> are not control characters", "\"a\\b\" <script>", "\"a\\b\" <script>"),
                new Case("a no-break space prints as it is", "a\u00A0b", "a\u00A0b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shows(Case c) {
        assertEquals(c.shown(), Printable.visible(c.text()));
    }

    @Test
    void plainTextIsTheSameString() {
        String text = "web.1  running  worker-1";
        assertSame(text, Printable.visible(text));
    }
}
