package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.lint.Finding;
import io.flotilla.scenarios.model.Severity;
import io.flotilla.scenarios.model.SourcePos;
import io.flotilla.scenarios.model.Strategy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Collects problems while a file is bound; binders report and go on with a stand-in value. */
final class Problems {

    private final Path file;
    private final List<Problem> found = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final List<Problem> kubernetesOnly = new ArrayList<>();
    private final List<Problem> swarmOnly = new ArrayList<>();
    private final List<Problem> lint = new ArrayList<>();
    private Optional<Severity> worstVulnerability = Optional.empty();

    Problems(Path file) {
        this.file = file;
    }

    void add(SourcePos pos, String message) {
        found.add(new Problem(file, pos.line(), pos.column(), message));
    }

    void add(Node at, String message) {
        add(Yaml.pos(at), message);
    }

    /**
     * A key the format names (the contract's own example may use it) that a run would not honour:
     * refused rather than silently ignored, so that a scenario never claims what it does not show.
     */
    void notSimulated(Node at, String label, String what) {
        add(at, label + ": " + what + " is not simulated yet");
    }

    /** Something legal but probably not meant; the message is printed after {@code warning: }. */
    void warn(Node at, String message) {
        warnings.add(problem(at, "warning: " + message));
    }

    /** A practice the file does not follow ({@code validate --lint}); the text starts with {@code warning: }. */
    void lint(SourcePos at, String text) {
        lint.add(new Problem(file, at.line(), at.column(), text));
    }

    /** A finding of the lint; a scan's also counts toward the worst known vulnerability. */
    void lint(Finding finding) {
        lint(finding.at(), finding.text());
        finding.severity().ifPresent(s -> {
            if (worstVulnerability.isEmpty() || s.atLeast(worstVulnerability.get())) {
                worstVulnerability = Optional.of(s);
            }
        });
    }

    /** The worst severity among the known vulnerabilities of the images the services run. */
    Optional<Severity> worstVulnerability() {
        return worstVulnerability;
    }

    List<Problem> lintInFileOrder() {
        return sorted(lint);
    }

    /** Something only the Kubernetes strategy cannot run: a problem when the scenario runs under it. */
    void addForKubernetes(Node at, String message) {
        kubernetesOnly.add(problem(at, message));
    }

    /** Something only the swarm strategy cannot run: a problem when the scenario runs under it. */
    void addForSwarm(Node at, String message) {
        swarmOnly.add(problem(at, message));
    }

    /** A problem of {@code strategy} only: a problem now if the file runs under it, else when a run chooses it. */
    void addFor(Strategy only, Strategy fileStrategy, Node at, String message) {
        if (only == fileStrategy) {
            add(at, message);
        } else if (only == Strategy.SWARM) {
            addForSwarm(at, "the swarm strategy cannot run this: " + message);
        } else {
            addForKubernetes(at, DeployParts.KUBERNETES_CANNOT + message);
        }
    }

    List<Problem> swarmOnlyInFileOrder() {
        return sorted(swarmOnly);
    }

    private Problem problem(Node at, String message) {
        SourcePos pos = Yaml.pos(at);
        return new Problem(file, pos.line(), pos.column(), message);
    }

    List<Problem> kubernetesOnlyInFileOrder() {
        return sorted(kubernetesOnly);
    }

    List<Problem> warningsInFileOrder() {
        return sorted(warnings);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    int count() {
        return found.size();
    }

    /** In file order; problems at the same place keep the order they were found in. */
    List<Problem> inFileOrder() {
        return sorted(found);
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return sorted;
    }
}
