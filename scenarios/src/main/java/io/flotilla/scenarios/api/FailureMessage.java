package io.flotilla.scenarios.api;

import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.model.Expectation;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a failed expectation says in a test report:
 *
 * <pre>
 * line 60 placement at 4m failed
 *   expected: - {at: 4m, placement: {web: {worker-1: 2}}}
 *   found:    web: worker-1 has 1, expected 2
 *   explain:  ./flotilla explain scenarios/examples/zone-spread.yaml --task web.3 --at 4m
 * </pre>
 */
final class FailureMessage {

    private static final String INDENT = "            ";

    private FailureMessage() {}

    static String of(Path file, Scenario scenario, Expectation e, ExpectationResult result, RunResult run) {
        return ScenarioTests.name(e, scenario.until()) + " failed\n"
                + "  expected: " + String.join("\n" + INDENT, source(file, e)) + "\n"
                + "  found:    " + result.detail() + "\n"
                + "  explain:  " + ExplainHint.of(file, e, run);
    }

    /**
     * The expectation as the file writes it: from its first key to the end of its item (the lines
     * indented as far as that key), with the list's dash; its check's words when the file cannot be read.
     */
    static List<String> source(Path file, Expectation e) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | RuntimeException ex) {
            return List.of(e.check().keyword() + ": ...");
        }
        int first = e.pos().line() - 1;
        int column = e.pos().column() - 1;
        if (first >= lines.size() || column > lines.get(first).length()) {
            return List.of(e.check().keyword() + ": ...");
        }
        List<String> out = new ArrayList<>();
        out.add("- " + lines.get(first).substring(column).stripTrailing());
        for (int i = first + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int indent = line.length() - line.stripLeading().length();
            if (line.isBlank() || indent < column || line.stripLeading().startsWith("#")) {
                break;
            }
            out.add("  " + line.substring(column).stripTrailing());
        }
        return out;
    }
}
