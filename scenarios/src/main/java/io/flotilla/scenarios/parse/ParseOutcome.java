package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * Either a valid scenario or every problem found in the file, in file order; never both, never
 * neither. {@code warnings} (in file order too) do not make a file invalid: they point at
 * something that is legal but probably not meant, such as a timeline item after {@code until}.
 * {@code lint} holds the practices of {@code io.flotilla.scenarios.lint} the services do not
 * follow, as warnings that only {@code validate --lint} prints; {@code worstVulnerability} is the
 * worst severity its image scan found, which a scan gate ({@code validate --fail-on}) compares.
 */
public record ParseOutcome(Optional<Scenario> scenario, List<Problem> problems, List<Problem> warnings,
        List<Problem> lint, Optional<Severity> worstVulnerability) {

    public ParseOutcome(Optional<Scenario> scenario, List<Problem> problems, List<Problem> warnings) {
        this(scenario, problems, warnings, List.of());
    }

    public ParseOutcome(Optional<Scenario> scenario, List<Problem> problems, List<Problem> warnings, List<Problem> lint) {
        this(scenario, problems, warnings, lint, Optional.empty());
    }

    public ParseOutcome {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        lint = List.copyOf(lint);
        if (scenario.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("a scenario or problems, exactly one of them");
        }
    }

    public static ParseOutcome valid(Scenario scenario, List<Problem> warnings) {
        return new ParseOutcome(Optional.of(scenario), List.of(), warnings);
    }

    /** A valid scenario, with the practices its services do not follow. */
    public static ParseOutcome valid(Scenario scenario, List<Problem> warnings, List<Problem> lint) {
        return new ParseOutcome(Optional.of(scenario), List.of(), warnings, lint);
    }

    /** A valid scenario, with the practices its services do not follow and the worst vulnerability their images have. */
    public static ParseOutcome valid(Scenario scenario, List<Problem> warnings, List<Problem> lint,
            Optional<Severity> worstVulnerability) {
        return new ParseOutcome(Optional.of(scenario), List.of(), warnings, lint, worstVulnerability);
    }

    public static ParseOutcome invalid(List<Problem> problems, List<Problem> warnings) {
        return new ParseOutcome(Optional.empty(), problems, warnings);
    }

    public boolean isValid() {
        return scenario.isPresent();
    }
}
