package io.flotilla.scenarios.model;

/** Where something was written in the scenario file: 1-based line and column. */
public record SourcePos(int line, int column) {

    /** The start of the file, for things that have no better place (a missing top-level key). */
    public static final SourcePos START = new SourcePos(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
