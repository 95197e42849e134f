package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Expectation;
import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scenarios.model.KubernetesSettings;
import io.flotilla.scenarios.model.NetworkProfile;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.SourcePos;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.SwarmSettings;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scenarios.model.TrafficDecl;
import io.flotilla.scheduler.image.Registry;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.time.Durations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a scenario file into a {@link Scenario}, or reports every problem in it.
 *
 * <p>The contract: {@link #parse(Path)} never throws. A file that cannot be read, YAML that does
 * not parse, unknown keys, wrong types and units, unknown names and broken rules each become a
 * {@link Problem} with a 1-based line and column; all of them are reported, in file order (a YAML
 * syntax error stops the reading there, so it comes alone). Any unexpected failure inside the
 * parser is reported as a problem too, never as an exception.
 */
public final class ScenarioParser {

    static final List<String> TOP_KEYS = List.of(
            "scenario", "description", "seed", "strategy", "until", "swarm", "kubernetes", "network_profile", "nodes",
            "networks", "volumes", "secrets", "configs", "services", "statefulsets", "storage_classes", "registries", "images",
            "network_policies", "traffic", "timeline", "expect");
    static final Map<String, Strategy> STRATEGIES =
            Values.choices("swarm", Strategy.SWARM, "kubernetes", Strategy.KUBERNETES);
    /** The run goes on this long after the last timeline item when {@code until} is not given. */
    static final long TAIL = 2 * Durations.MINUTE;

    /** Reads and parses a file; {@code file} is also how problems name it. */
    public ParseOutcome parse(Path file) {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            return failure(file, "no such file");
        } catch (CharacterCodingException e) {
            return failure(file, "the file is not UTF-8 text");
        } catch (IOException | RuntimeException e) {
            return failure(file, "cannot read the file: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Parses {@code text} as if read from {@code displayName} (which problems and the scenario name). */
    public ParseOutcome parse(Path displayName, String text) {
        try {
            Problems problems = new Problems(displayName);
            Optional<Scenario> scenario = Yaml.compose(text, problems).flatMap(root -> bind(displayName, root, problems));
            return problems.isEmpty() && scenario.isPresent()
                    ? ParseOutcome.valid(scenario.get(), problems.warningsInFileOrder(), problems.lintInFileOrder(),
                            problems.worstVulnerability())
                    : ParseOutcome.invalid(
                            problems.isEmpty() ? List.of(internal(displayName, "no scenario")) : problems.inFileOrder(),
                            problems.warningsInFileOrder());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours, or a pathological file; either way the user gets a line, not a trace.
            return ParseOutcome.invalid(List.of(internal(displayName, e.toString())), List.of());
        }
    }

    /** Same as {@link #parse(Path, String)} with a display name given as text. */
    public ParseOutcome parse(String displayName, String text) {
        return parse(Path.of(displayName), text);
    }

    private static ParseOutcome failure(Path file, String message) {
        return ParseOutcome.invalid(List.of(new Problem(file, 1, 1, message)), List.of());
    }

    private static Problem internal(Path file, String what) {
        return new Problem(file, 1, 1, "internal error while reading the scenario (" + what + "); please report it");
    }

    private Optional<Scenario> bind(Path file, Node root, Problems problems) {
        if (!(root instanceof org.yaml.snakeyaml.nodes.MappingNode) && !Yaml.isNull(root)) {
            problems.add(root, "a scenario is a mapping with keys such as scenario, nodes, services; got " + Yaml.describe(root));
            return Optional.empty();
        }
        Fields top = Fields.withExtensions(root, "scenario", "the scenario", problems, TOP_KEYS).orElseThrow();
        String name = scenarioName(top);
        String description = top.string("description", "");
        long seed = top.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE).orElse(1L);
        Strategy strategy = top.choice("strategy", STRATEGIES, Strategy.SWARM);
        OptionalLong until = SettingsBinder.positive(top, "until");
        // A wrong until is reported once; nothing is checked against an end the file did not give.
        boolean endKnown = until.isPresent() || !top.has("until");
        SwarmSettings swarm = SettingsBinder.swarm(top);
        KubernetesSettings kubernetes = SettingsBinder.kubernetes(top);

        List<NodeDecl> nodes = new NodesBinder(problems).bind(top);
        Limits.nodes(nodes, problems);
        Set<String> nodeNames = new LinkedHashSet<>();
        nodes.forEach(n -> nodeNames.add(n.name()));
        Map<String, List<String>> zones = new LinkedHashMap<>();
        nodes.forEach(n -> n.zone().ifPresent(z -> zones.computeIfAbsent(z, k -> new ArrayList<>()).add(n.name())));
        NetworkProfile networkProfile = SettingsBinder.networkProfile(top);
        var networks = DeclarationsBinder.networks(top);
        var volumes = VolumesBinder.declared(top);
        var storageClasses = DeclarationsBinder.storageClasses(top, nodes, strategy);
        var registries = ImagesBinder.registries(top);
        var declaredImages = ImagesBinder.images(top, registries);

        SecretsBinder.Declared declared = SecretsBinder.bind(top);
        ServicesBinder.Scope serviceScope = new ServicesBinder.Scope(networks.keySet(), declared, volumes, strategy,
                declaredImages);

        Workloads workloads = new Workloads();
        List<ServicesBinder.Bound> services = top.section("services", "services", null)
                .map(s -> new ServicesBinder(problems, serviceScope).bind(s))
                .orElse(List.of());
        List<StatefulSetsBinder.Bound> sets = top.section("statefulsets", "statefulsets", null)
                .map(s -> new StatefulSetsBinder(problems, networks.keySet(), storageClasses.keySet()).bind(s))
                .orElse(List.of());
        Limits.tasks(services, nodes.size(), problems);
        List<ServiceSpec> specs = new ArrayList<>();
        for (ServicesBinder.Bound s : services) {
            PortRules.checkConflicts(s.spec().name(), s.ports(), specs, problems);
            specs.add(s.spec());
            workloads.addServiceAtStart(s.spec());
        }
        // Both strategies run statefulsets: the swarm strategy as one service per ordinal (docs/swarm.md).
        for (StatefulSetsBinder.Bound s : sets) {
            if (specs.stream().anyMatch(x -> x.name().equals(s.decl().name()))) {
                problems.add(s.at(), "statefulset '" + s.decl().name()
                        + "' has the name of a service; services and statefulsets share names");
            }
            String service = s.decl().service();
            if (!service.equals(s.decl().name()) && (specs.stream().anyMatch(x -> x.name().equals(service))
                    || sets.stream().anyMatch(x -> x != s && (x.decl().name().equals(service) || x.decl().service().equals(service))))) {
                problems.add(s.at(), "statefulset '" + s.decl().name() + "': its service '" + service
                        + "' is the name of another workload's Service");
            }
            workloads.addStatefulSetAtStart(s.decl());
        }

        NetworkPoliciesBinder policiesBinder = new NetworkPoliciesBinder(problems, strategy);
        services.forEach(b -> policiesBinder.workload(b.spec().name(), b.pod().orElse(KubernetesPodSpec.NONE),
                b.spec().task().ports()));
        sets.forEach(b -> policiesBinder.workload(b.decl().name(), b.pod().orElse(KubernetesPodSpec.NONE),
                b.decl().task().ports()));
        var networkPolicies = policiesBinder.bind(top);

        VolumeNames volumeNames = new VolumeNames(volumes, sets.stream().map(StatefulSetsBinder.Bound::decl).toList());
        TimelineBinder timelineBinder = new TimelineBinder(problems, nodeNames, zones, workloads, networks.keySet(),
                storageClasses.keySet(), volumeNames, serviceScope,
                TimelineState.of(nodes, specs, sets.stream().map(StatefulSetsBinder.Bound::decl).toList()));
        timelineBinder.registries(registries.keySet());
        List<TimelineBinder.Bound> timeline = timelineBinder.bind(top);
        // Saturated: a last item near the largest duration must not wrap around to a negative end.
        long end = until.orElseGet(() -> Math.min(Long.MAX_VALUE - TAIL, timelineBinder.lastAt().orElse(0)) + TAIL);
        if (endKnown) {
            Limits.until(end, top.value("until"), lastItem(timeline), problems);
        }

        List<TrafficDecl> traffic = new TrafficBinder(problems, nodeNames, networks, workloads, strategy,
                endKnown ? end : Long.MAX_VALUE).bind(top);
        List<ExpectationsBinder.Bound> expectations = new ExpectationsBinder(problems, nodes, workloads, networks,
                traffic, strategy, volumeNames).bind(top);
        if (endKnown) {
            Limits.requests(traffic, end, problems);
            checkWithinRun(timeline, expectations, end, problems);
        }

        TreeMap<String, ImageDecl> images = new TreeMap<>(declaredImages);
        Registry hub = registries.get(Registry.DEFAULT_NAME);
        specs.forEach(s -> images.putIfAbsent(s.task().image(), ImageDecl.defaults(s.task().image(), hub)));
        sets.forEach(s -> images.putIfAbsent(s.decl().task().image(), ImageDecl.defaults(s.decl().task().image(), hub)));
        timelineBinder.images.forEach(i -> images.putIfAbsent(i, ImageDecl.defaults(i, hub)));

        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Scenario(
                file, name, description, seed, strategy, end,
                swarm, kubernetes, networkProfile,
                nodes, networks, volumes, specs, sets.stream().map(StatefulSetsBinder.Bound::decl).toList(),
                storageClasses, images, pods(services, sets), traffic,
                timeline.stream().map(TimelineBinder.Bound::item).toList(),
                expectations.stream().map(ExpectationsBinder.Bound::expectation).toList(),
                problems.kubernetesOnlyInFileOrder().stream().map(Problem::toString).toList(),
                problems.swarmOnlyInFileOrder().stream().map(Problem::toString).toList(), networkPolicies));
    }

    /** The {@code at} of the last timeline item, where a default {@code until} comes from. */
    private static Optional<Node> lastItem(List<TimelineBinder.Bound> timeline) {
        return timeline.stream()
                .filter(b -> b.atNode() != null)
                .max(java.util.Comparator.comparingLong((TimelineBinder.Bound b) -> b.item().at()))
                .map(TimelineBinder.Bound::atNode);
    }

    /** The Kubernetes pod inputs of the workloads that have a {@code kubernetes} key, by name. */
    static TreeMap<String, KubernetesPodSpec> pods(List<ServicesBinder.Bound> services, List<StatefulSetsBinder.Bound> sets) {
        TreeMap<String, KubernetesPodSpec> pods = new TreeMap<>();
        services.forEach(s -> s.pod().ifPresent(p -> pods.put(s.spec().name(), p)));
        sets.forEach(s -> s.pod().ifPresent(p -> pods.put(s.decl().name(), p)));
        return pods;
    }

    private static String scenarioName(Fields top) {
        Optional<Node> node = top.value("scenario");
        if (node.isEmpty()) {
            top.problems().add(top.key("scenario").map(Yaml::pos).orElse(SourcePos.START),
                    "missing key 'scenario' (the scenario's name: letters, digits and '-')");
            return "";
        }
        String name = Values.string(node.get(), "scenario", top.problems()).orElse("");
        if (Yaml.isScalar(node.get()) && !Names.SCENARIO.matcher(name).matches()) {
            top.problems().add(node.get(), "scenario: the name '" + name + "' may hold only letters, digits and '-'");
        }
        return name;
    }

    /**
     * A timeline item after {@code until} never happens: that is a warning (the contract's own
     * example has one), and the item stays in the model for the runner to leave out. An
     * expectation after {@code until} could never be checked, so it is an error.
     */
    private static void checkWithinRun(
            List<TimelineBinder.Bound> timeline, List<ExpectationsBinder.Bound> expectations, long end, Problems problems) {
        for (TimelineBinder.Bound b : timeline) {
            if (b.item().at() > end) {
                problems.warn(b.atNode(), "at: " + Durations.format(b.item().at())
                        + " is after the end of the run (until: " + Durations.format(end) + "); this item never happens");
            }
        }
        for (ExpectationsBinder.Bound b : expectations) {
            Expectation e = b.expectation();
            if (e.at().isPresent() && e.at().getAsLong() > end) {
                problems.add(b.atNode().orElseThrow(), "at: " + Durations.format(e.at().getAsLong())
                        + " is after the end of the run (until: " + Durations.format(end) + ")");
            }
            b.until().ifPresent(u -> {
                if (e.at().isEmpty() && u.time() > end) {
                    problems.add(u.at(), u.label() + ": " + Durations.format(u.time()) + " is after the end of the run (until: "
                            + Durations.format(end) + ")");
                }
            });
        }
    }
}
