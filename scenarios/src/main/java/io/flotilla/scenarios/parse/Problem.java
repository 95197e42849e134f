package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.output.Printable;
import java.nio.file.Path;

/** One thing wrong with a scenario file, at a 1-based line and column. */
public record Problem(Path file, int line, int column, String message) {

    /**
     * {@code FILE:LINE:COLUMN: message}, as the command line prints it on stderr: one line, whatever
     * the file quoted (a line end or a control character in a name shows as an escape, {@link Printable}).
     */
    @Override
    public String toString() {
        return Printable.visible(file + ":" + line + ":" + column + ": " + message);
    }
}
