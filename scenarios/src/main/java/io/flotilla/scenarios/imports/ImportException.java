package io.flotilla.scenarios.imports;

import java.util.List;

/** Input an import cannot read: each problem as {@code FILE:LINE:COLUMN: message}. */
public final class ImportException extends Exception {

    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    ImportException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
