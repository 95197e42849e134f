package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tabwriter's rules the views depend on, in the cases Go's {@code text/tabwriter} tests cover
 * ({@code tabwriter_test.go}: minimum width, padding, cells without a closing tab, column blocks
 * broken by a line with fewer cells), with the blanks a line ends in trimmed.
 */
class GoTabWriterTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a column is its widest cell plus the padding", 0, 2,
                        "a\tb\naaa\tb\n", "a    b\naaa  b\n"),
                Arguments.of("and at least the minimum width", 10, 3,
                        "ID\tNAME\nx\ty\n", "ID        NAME\nx         y\n"),
                Arguments.of("the text after the last tab belongs to no column", 0, 1,
                        "a\tlong last cell\nbb\tc\n", "a  long last cell\nbb c\n"),
                Arguments.of("a line without the column ends its block", 0, 2,
                        "Name:\tx\nLabels:\ty\nIPs:\n  IP:\tz\nControlled By:\tw\n",
                        "Name:    x\nLabels:  y\nIPs:\n  IP:           z\nControlled By:  w\n"),
                Arguments.of("an empty first cell continues the column", 0, 2,
                        "Labels:\tapp=web\n\thash=1\n", "Labels:  app=web\n         hash=1\n"),
                Arguments.of("an empty last column leaves no blanks", 10, 3,
                        "ERROR\tPORTS\n\t\n", "ERROR     PORTS\n\n"),
                Arguments.of("widths count characters, not bytes", 0, 1,
                        "\"no suitable…\"\tx\nab\tx\n", "\"no suitable…\" x\nab             x\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aligns(String name, int minWidth, int padding, String in, String out) {
        assertEquals(out, GoTabWriter.format(in, minWidth, padding));
    }
}
