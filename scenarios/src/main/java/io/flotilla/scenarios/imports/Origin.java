package io.flotilla.scenarios.imports;

/** Where a part of the scenario came from: the source file, line and column (1-based), and its key path there. */
record Origin(String file, int line, int column, String path) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
