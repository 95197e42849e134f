package io.flotilla.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.Check;
import io.flotilla.scenarios.model.EventKind;
import io.flotilla.scenarios.model.Scenario;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Every kind of timeline action and of expectation check is declared in full: a binder for each
 * record, each binder's key in the JSON Schema and on the format's page, and an example of each
 * that binds to its record. A kind added to one place and forgotten in another fails here.
 */
class KindsTest {

    /** One written example per action key; a binder without one fails {@link #everyActionBindsToItsRecord}. */
    static final Map<String, String> ACTION_EXAMPLES = Map.ofEntries(
            Map.entry("crash", "worker-1"),
            Map.entry("restart", "worker-1"),
            Map.entry("drain", "worker-1"),
            Map.entry("pause", "worker-1"),
            Map.entry("activate", "worker-1"),
            Map.entry("partition", "[[manager-1], [worker-1]]"),
            Map.entry("heal", "all"),
            Map.entry("scale", "{web: 3}"),
            Map.entry("update", "{service: web, force: true}"),
            Map.entry("kill_task", "web.1"),
            Map.entry("deploy", "{services: {api: {}}}"),
            Map.entry("link_down", "[manager-1, worker-1]"),
            Map.entry("link_up", "[manager-1, worker-1]"),
            Map.entry("zone_down", "a"),
            Map.entry("zone_up", "a"),
            Map.entry("unhealthy", "web.1"),
            Map.entry("healthy", "web.1"),
            Map.entry("backup", "{volume: cache, name: nightly}"),
            Map.entry("restore", "{volume: cache, from: nightly}"),
            Map.entry("volume_prune", "{node: worker-1, all: true, filter: {label: tier=cache}}"),
            Map.entry("out_of_service", "worker-1"),
            Map.entry("force_delete", "web.1"),
            Map.entry("stop", "web.1"),
            Map.entry("start", "web.1"),
            Map.entry("unpause", "web.1"),
            Map.entry("remove", "web.1"),
            Map.entry("registry_down", "hub"),
            Map.entry("registry_up", "hub"),
            Map.entry("firewall", "{node: worker-1, drop: [4789/udp]}"));

    /** Actions only the kubernetes strategy runs: their examples are read in a kubernetes scenario. */
    static final Set<String> KUBERNETES_ONLY = Set.of("out_of_service", "force_delete");

    /** Items an example needs before it: a restore needs a backup taken by an earlier item. */
    static final Map<String, String> ACTION_PRELUDES = Map.of("restore", "  - {at: 0s, backup: {volume: cache, name: nightly}}\n");

    /**
     * For a key whose target decides the action, an example of each target, in the order of its
     * binder's {@code kinds()}: the node first, then the task.
     */
    static final Map<String, List<String>> TARGET_EXAMPLES = Map.of(
            "pause", List.of("worker-1", "web.1"),
            "restart", List.of("worker-1", "web.1"));

    static final Map<String, String> CHECK_EXAMPLES = Map.ofEntries(
            Map.entry("running", "{web: 2}"),
            Map.entry("placement", "{web: {worker-1: 1}}"),
            Map.entry("spread", "{web: [1, 1]}"),
            Map.entry("pending", "{web: 0}"),
            Map.entry("on", "{web.1: worker-1}"),
            Map.entry("node", "{worker-1: ready}"),
            Map.entry("dns", "{name: web, from: worker-1, network: front, answers: 1}"),
            Map.entry("traffic", "{client: shoppers, failed: 0}"),
            Map.entry("volume", "{cache: {node: worker-1, state: attached, data_through: 1m}}"),
            Map.entry("secrets", "{web.1: []}"),
            Map.entry("update", "{web: none}"),
            Map.entry("image", "{web.1: nginx}"),
            Map.entry("event", "{kind: task.running}"));

    private static final String CLUSTER = """
            scenario: kinds
            nodes: [{name: manager-1, role: manager}, {name: worker, count: 2, labels: {zone: a}}]
            networks: {front: {}}
            volumes: {cache: {}}
            services: {web: {networks: [front], healthcheck: {interval: 5s}, deploy: {replicas: 2}}}
            traffic: [{name: shoppers, from: manager-1, network: front, to: web, rate: 1/s}]
            """;

    private static final String KUBERNETES_CLUSTER = """
            scenario: kinds
            strategy: kubernetes
            nodes: [{name: manager-1, role: manager}, {name: worker, count: 2, labels: {zone: a}}]
            services: {web: {deploy: {replicas: 2}}}
            """;

    @Test
    void everyActionRecordHasABinder() {
        assertEquals(permitted(Action.class), ActionBinders.ALL.stream().flatMap(b -> b.kinds().stream())
                .map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void everyCheckRecordHasABinder() {
        assertEquals(permitted(Check.class),
                CheckBinders.ALL.stream().map(b -> b.kind().getSimpleName()).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void everyActionBindsToItsRecord() {
        assertEquals(new TreeSet<>(ActionBinders.KEYWORDS), new TreeSet<>(ACTION_EXAMPLES.keySet()));
        for (ActionBinder binder : ActionBinders.ALL) {
            String cluster = KUBERNETES_ONLY.contains(binder.keyword()) ? KUBERNETES_CLUSTER : CLUSTER;
            Scenario s = parse(cluster + "timeline:\n" + ACTION_PRELUDES.getOrDefault(binder.keyword(), "")
                    + "  - {at: 1s, " + binder.keyword() + ": " + ACTION_EXAMPLES.get(binder.keyword()) + "}\n");
            Action action = s.timeline().get(s.timeline().size() - 1).action();
            assertEquals(binder.kind(), action.getClass(), binder.keyword());
            assertEquals(binder.keyword(), action.keyword());
            assertTrue(!action.commands().isEmpty() && !action.describe().isBlank(), binder.keyword());
        }
    }

    @Test
    void aKeyWhoseTargetDecidesBindsEachTargetToItsRecord() {
        for (ActionBinder binder : ActionBinders.ALL) {
            if (binder.kinds().size() == 1) {
                continue;
            }
            List<String> examples = TARGET_EXAMPLES.get(binder.keyword());
            assertEquals(binder.kinds().size(), examples == null ? 0 : examples.size(), binder.keyword());
            for (int i = 0; i < examples.size(); i++) {
                Scenario s = parse(CLUSTER + "timeline:\n  - {at: 1s, " + binder.keyword() + ": " + examples.get(i) + "}\n");
                Action action = s.timeline().get(0).action();
                assertEquals(binder.kinds().get(i), action.getClass(), binder.keyword() + ": " + examples.get(i));
                assertEquals(binder.keyword(), action.keyword());
            }
        }
    }

    @Test
    void everyCheckBindsToItsRecord() {
        assertEquals(new TreeSet<>(CheckBinders.KEYWORDS), new TreeSet<>(CHECK_EXAMPLES.keySet()));
        for (CheckBinder binder : CheckBinders.ALL) {
            Scenario s = parse(CLUSTER + "expect:\n  - {" + binder.keyword() + ": " + CHECK_EXAMPLES.get(binder.keyword()) + "}\n");
            Check check = s.expectations().get(0).check();
            assertEquals(binder.kind(), check.getClass(), binder.keyword());
            assertEquals(binder.keyword(), check.keyword());
        }
    }

    @Test
    void theSchemaListsEveryActionAndNothingElse() throws Exception {
        JsonNode item = schema().path("$defs").path("timelineItem");
        Set<String> keys = names(item.path("properties"));
        keys.remove("at");
        assertEquals(new TreeSet<>(ActionBinders.KEYWORDS), keys, "timelineItem properties");
        assertEquals(ActionBinders.KEYWORDS, required(item.path("oneOf")), "timelineItem oneOf, in order");
    }

    @Test
    void theSchemaListsEveryCheckAndNothingElse() throws Exception {
        JsonNode item = schema().path("$defs").path("expectation");
        Set<String> keys = names(item.path("properties"));
        keys.removeAll(Set.of("at", "reason"));
        assertEquals(new TreeSet<>(CheckBinders.KEYWORDS), keys, "expectation properties");
        assertEquals(CheckBinders.KEYWORDS, required(item.path("oneOf")), "expectation oneOf, in order");
    }

    @Test
    void theSchemaAndTheFormatPageListEveryEventKindInOrder() throws Exception {
        JsonNode kinds = schema().path("$defs").path("expectation").path("properties").path("event").path("properties")
                .path("kind").path("enum");
        List<String> listed = StreamSupport.stream(kinds.spliterator(), false).map(JsonNode::asText).toList();
        assertEquals(List.copyOf(EventKind.ALL.keySet()), listed, "the schema's event kinds");
        String events = section(Files.readString(SchemaFixture.root().resolve("docs/scenario-format.md")), "## Expectations");
        for (String kind : EventKind.ALL.keySet()) {
            assertTrue(events.lines().anyMatch(l -> l.startsWith("| ") && l.contains("`" + kind + "`")),
                    "no row for " + kind + " in the table of event kinds");
        }
    }

    @Test
    void theFormatPageDescribesEveryActionAndCheck() throws Exception {
        String page = Files.readString(SchemaFixture.root().resolve("docs/scenario-format.md"));
        String timeline = section(page, "## Timeline");
        for (String keyword : ActionBinders.KEYWORDS) {
            assertTrue(timeline.lines().anyMatch(l -> l.startsWith("| ") && l.contains("`" + keyword + "`")),
                    "no row for " + keyword + " in the Timeline table");
        }
        String expectations = section(page, "## Expectations");
        for (String keyword : CheckBinders.KEYWORDS) {
            assertTrue(expectations.lines().anyMatch(l -> l.startsWith("| `" + keyword + "`")),
                    "no row for " + keyword + " in the Expectations table");
        }
    }

    private static Set<String> permitted(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .filter(c -> !c.isInterface())
                .map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Scenario parse(String yaml) {
        ParseOutcome outcome = new ScenarioParser().parse("kinds.yaml", yaml);
        assertEquals(List.of(), outcome.problems(), yaml);
        return outcome.scenario().orElseThrow();
    }

    private static JsonNode schema() throws Exception {
        return new ObjectMapper().readTree(SchemaFixture.root().resolve("docs/scenario.schema.json").toFile());
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> required(JsonNode oneOf) {
        return StreamSupport.stream(oneOf.spliterator(), false)
                .map(alternative -> alternative.path("required").path(0).asText())
                .toList();
    }

    private static String section(String page, String heading) {
        int start = page.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, heading);
        int end = page.indexOf("\n## ", start + heading.length() + 1);
        return end < 0 ? page.substring(start) : page.substring(start, end);
    }
}
