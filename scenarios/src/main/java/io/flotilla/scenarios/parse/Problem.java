package io.flotilla.scenarios.parse;

import java.nio.file.Path;

/** One thing wrong with a scenario file, at a 1-based line and column. */
public record Problem(Path file, int line, int column, String message) {

    /** {@code FILE:LINE:COLUMN: message}, as the command line prints it on stderr. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
