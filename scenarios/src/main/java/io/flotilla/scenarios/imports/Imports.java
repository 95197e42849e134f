package io.flotilla.scenarios.imports;

import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.Problem;
import io.flotilla.scenarios.parse.ScenarioParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code flotilla import}: a Docker stack file, or Kubernetes manifests (several files, several
 * documents each), as a scenario with a cluster and an expectation that every workload runs. The
 * scenario is checked by the scenario parser before it is given back: what the parser refuses is
 * dropped at its source and reported like the rest, so the text always validates.
 */
public final class Imports {

    /** The scenario's text and what of the sources it leaves out, in the order of the files, lines and columns. */
    public record Result(String scenario, List<Dropped> dropped) {}

    /** The default cluster's nodes: as big as the examples' nodes. */
    static final long CPUS = 4;
    static final String MEMORY = "8GiB";
    /** Enough rounds to drop every refused part one at a time; each round drops at least one. */
    private static final int ROUNDS = 1000;

    private Imports() {}

    /** Imports the files with a default cluster of {@code workers} workers and one manager (unless manifests give nodes). */
    public static Result of(List<Path> files, int workers) throws ImportException {
        List<SourceNode> compose = new ArrayList<>();
        List<SourceNode> kubernetes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            for (SourceNode doc : documents(file)) {
                if (doc.get("apiVersion").isPresent() && doc.get("kind").isPresent()) {
                    kubernetes.add(doc);
                } else if (doc.get("services").isPresent()) {
                    compose.add(doc);
                } else if (!doc.isNull()) {
                    problems.add(doc.origin() + ": neither a stack file (no services) nor a Kubernetes object (no apiVersion and kind)");
                }
            }
        }
        if (!compose.isEmpty() && !kubernetes.isEmpty()) {
            problems.add(kubernetes.get(0).origin() + ": a stack file and Kubernetes manifests cannot be imported together");
        }
        if (compose.size() > 1) {
            problems.add(compose.get(1).origin()
                    + ": one stack file at a time (docker stack deploy merges several; import them one by one)");
        }
        if (compose.isEmpty() && kubernetes.isEmpty() && problems.isEmpty()) {
            problems.add(files.get(0) + ":1:1: nothing to import: no services and no Kubernetes objects");
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        Drops drops = new Drops();
        Draft.Mapping scenario = new Draft.Mapping();
        String name = name(files);
        scenario.put("scenario", name);
        List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
        scenario.put("description", "Imported from " + String.join(", ", names) + ".");
        List<String> header = new ArrayList<>();
        header.add("Imported by flotilla import from " + String.join(", ", files.stream().map(Path::toString).toList())
                + "; what it left out is printed on stderr.");
        Imported imported;
        if (!compose.isEmpty()) {
            scenario.put("strategy", "swarm");
            scenario.put("nodes", defaultNodes(workers));
            header.add(clusterNote(workers));
            imported = ComposeImport.read(compose.get(0), scenario, workers + 1, drops);
        } else {
            scenario.put("strategy", "kubernetes");
            imported = KubernetesImport.read(kubernetes, scenario, workers, drops);
        }
        header.addAll(imported.notes());
        validate(header, scenario, drops);
        addExpectation(header, scenario, imported.running());
        List<String> order = files.stream().map(Path::toString).toList();
        List<Dropped> dropped = drops.all.stream()
                .sorted(Comparator.comparingInt((Dropped d) -> order.indexOf(d.file()))
                        .thenComparingInt(Dropped::line).thenComparingInt(Dropped::column))
                .toList();
        return new Result(ScenarioText.of(header, scenario).text(), dropped);
    }

    static Draft.Seq defaultNodes(int workers) {
        Draft.Seq nodes = new Draft.Seq();
        nodes.add(new Draft.Mapping().put("name", "manager-1").put("role", "manager").put("resources", defaultResources()));
        if (workers > 0) {
            nodes.add(new Draft.Mapping().put("name", "worker").put("count", (long) workers).put("resources", defaultResources()));
        }
        return nodes;
    }

    static Draft.Mapping defaultResources() {
        return new Draft.Mapping().put("cpus", CPUS).put("memory", MEMORY);
    }

    static String clusterNote(int workers) {
        return "The cluster is a default one, a manager and " + workers + (workers == 1 ? " worker" : " workers") + " of " + CPUS
                + " CPUs and " + MEMORY + " (--nodes N for more workers); make it yours.";
    }

    /** The scenario named after the file, or after the folder of several files: letters, digits and '-'. */
    private static String name(List<Path> files) {
        Path first = files.get(0).toAbsolutePath().normalize();
        String raw = files.size() == 1 || first.getParent() == null || first.getParent().getFileName() == null
                ? first.getFileName().toString().replaceFirst("\\.[^.]*$", "")
                : first.getParent().getFileName().toString();
        String name = raw.replaceAll("[^A-Za-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "imported" : name;
    }

    /** Drops what the scenario parser refuses, at its source, until the scenario validates. */
    private static void validate(List<String> header, Draft.Mapping scenario, Drops drops) throws ImportException {
        for (int round = 0; round < ROUNDS; round++) {
            ScenarioText text = ScenarioText.of(header, scenario);
            ParseOutcome outcome = new ScenarioParser().parse("imported.yaml", text.text());
            if (outcome.problems().isEmpty()) {
                return;
            }
            Set<ScenarioText.Span> dropped = new HashSet<>();
            for (Problem p : outcome.problems()) {
                Optional<ScenarioText.Span> at = text.at(p.line(), p.column());
                if (at.isPresent() && dropped.add(at.get())) {
                    at.get().remove().run();
                    drops.all.add(Dropped.of(at.get().entry().origin().orElseThrow(), p.message()));
                }
            }
            if (dropped.isEmpty()) {
                throw new ImportException(outcome.problems().stream().map(p -> "the scenario written has a problem that no part of "
                        + "the source explains (please report it): " + p.line() + ":" + p.column() + ": " + p.message()).toList());
            }
        }
        throw new ImportException(List.of("the scenario written still has problems after " + ROUNDS + " rounds of dropping them"));
    }

    /**
     * {@code expect: [{running: {...}}]}: every workload that is still in the scenario runs as many
     * tasks as it asks for by the end of the run.
     */
    private static void addExpectation(List<String> header, Draft.Mapping scenario, Map<String, Long> running) throws ImportException {
        Draft.Mapping services = (Draft.Mapping) scenario.entries.get("services").value();
        Map<String, Long> counts = new LinkedHashMap<>();
        running.forEach((service, count) -> {
            Draft.Entry e = services.entries.get(service);
            if (e != null && replicasAsRead((Draft.Mapping) e.value(), count)) {
                counts.put(service, count);
            }
        });
        if (counts.isEmpty()) {
            return;
        }
        Draft.Mapping check = new Draft.Mapping();
        counts.forEach(check::put);
        scenario.seq("expect").add(new Draft.Mapping().put("running", check));
        ParseOutcome outcome = new ScenarioParser().parse("imported.yaml", ScenarioText.of(header, scenario).text());
        if (!outcome.problems().isEmpty()) {
            throw new ImportException(outcome.problems().stream().map(p -> "the expectation written has a problem (please report "
                    + "it): " + p.line() + ":" + p.column() + ": " + p.message()).toList());
        }
    }

    /** False when what the count was read from (the replicas, a global mode) was dropped since. */
    private static boolean replicasAsRead(Draft.Mapping service, long count) {
        Draft.Entry deploy = service.entries.get("deploy");
        Map<String, Draft.Entry> d = deploy == null ? Map.of() : ((Draft.Mapping) deploy.value()).entries;
        if (d.containsKey("mode") && "global".equals(((Draft.Scalar) d.get("mode").value()).value())) {
            return true;
        }
        Object replicas = d.containsKey("replicas") ? ((Draft.Scalar) d.get("replicas").value()).value() : Long.valueOf(1);
        return Long.valueOf(count).equals(replicas);
    }

    /** Every YAML document of the file, with positions; reading stops at the first malformed one. */
    private static List<SourceNode> documents(Path file) throws ImportException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportException(List.of(file + ":1:1: cannot read the file: " + e.getMessage()));
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        List<SourceNode> out = new ArrayList<>();
        try {
            for (Node node : new org.yaml.snakeyaml.Yaml(options).composeAll(new StringReader(text))) {
                if (node != null) {
                    out.add(new SourceNode(node, file.toString(), ""));
                }
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ImportException(List.of(file + ":" + (mark == null ? "1:1" : (mark.getLine() + 1) + ":" + (mark.getColumn() + 1))
                    + ": invalid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            throw new ImportException(List.of(file + ":1:1: invalid YAML: " + e.getMessage()));
        }
        return out;
    }
}
