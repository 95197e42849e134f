package io.flotilla.scenarios.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.expect.Views;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TrafficDecl;
import io.flotilla.scenarios.model.TrafficTotals;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.NodeView;
import io.flotilla.sim.view.TaskView;
import io.flotilla.sim.view.VolumeView;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code run --json} result: the run, each expectation, every node, the newest task of every
 * slot at the end with its address on each network, every volume (its node, state and up to when
 * it holds every write; {@code on} is the node whose disk holds a {@code local} volume), and what
 * became of every traffic client's requests. Each node lists the images on its disk and what their
 * layers take there ({@code image_bytes}, each shared layer once). {@code state} is the truth;
 * {@code believed} is the manager's record beside it. A task's
 * {@code name} is its slot ({@code web.3}); under the kubernetes strategy {@code pod} is the pod's
 * name ({@code web-7d4b9c8f5-x2kq9}), which is also its {@code id}. A task granted secrets or configs
 * lists their names ({@code secrets}, {@code configs}); a workload whose pods were refused at
 * creation is in {@code failed_creates}, with the controller's last message. Both only when there
 * is something to say. A task whose container an operator paused says {@code "paused": true}: it
 * is running for its orchestrator but answers nothing.
 */
public final class JsonResult {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonResult() {}

    public static ObjectNode of(RunResult run, List<ExpectationResult> expectations) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", run.scenario().name());
        root.put("strategy", run.strategy().name().toLowerCase(Locale.ROOT));
        root.put("seed", run.seed());
        root.put("end", Durations.format(run.end()));
        root.put("passed", expectations.stream().allMatch(ExpectationResult::passed));
        ArrayNode checks = root.putArray("expectations");
        for (ExpectationResult e : expectations) {
            ObjectNode o = checks.addObject();
            o.put("line", e.line());
            o.put("check", e.check());
            o.put("at", Durations.format(e.at()));
            o.put("passed", e.passed());
            o.put("detail", e.detail());
        }
        ClusterView view = Views.initial(run.scenario());
        view.applyUntil(run.log().events(), 0, run.end());
        ArrayNode nodes = root.putArray("nodes");
        for (NodeView n : view.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("name", n.name);
            o.put("role", n.role.name().toLowerCase(Locale.ROOT));
            o.put("state", n.state());
            o.put("availability", n.availability().name().toLowerCase(Locale.ROOT));
            o.put("believed", n.believed());
            ArrayNode images = o.putArray("images");
            n.images().forEach(images::add);
            o.put("image_bytes", diskBytes(run, n.images()));
        }
        boolean kubernetes = run.strategy() == Strategy.KUBERNETES;
        ArrayNode tasks = root.putArray("tasks");
        for (TaskView t : view.newestTasks()) {
            ObjectNode o = tasks.addObject();
            o.put("name", t.name);
            if (kubernetes) {
                o.put("pod", t.id);
            }
            o.put("service", t.service);
            o.put("node", t.node().orElse(null));
            o.put("state", t.state().lowerName());
            o.put("desired", t.desired().lowerName());
            o.put("error", t.error().orElse(null));
            ObjectNode addresses = o.putObject("addresses");
            t.addresses.forEach(addresses::put);
            o.put("believed", t.believed().lowerName());
            o.put("id", t.id);
            o.put("image", t.image);
            t.health().ifPresent(h -> o.put("health", h));
            if (!t.secrets().isEmpty()) {
                ArrayNode secrets = o.putArray("secrets");
                t.secrets().forEach(f -> secrets.add(f.name()));
            }
            if (!t.configs().isEmpty()) {
                ArrayNode configs = o.putArray("configs");
                t.configs().forEach(f -> configs.add(f.name()));
            }
            if (t.paused()) {
                o.put("paused", true);
            }
        }
        if (!view.failedCreates().isEmpty()) {
            ArrayNode failed = root.putArray("failed_creates");
            view.failedCreates().forEach((service, f) -> {
                ObjectNode o = failed.addObject();
                o.put("service", service);
                o.put("kind", f.latest().kind());
                o.put("object", f.latest().object());
                o.put("count", f.count());
                o.put("first", Durations.format(f.first()));
                o.put("last", Durations.format(f.last()));
                o.put("message", f.latest().message());
            });
        }
        ArrayNode volumes = root.putArray("volumes");
        for (VolumeView v : view.volumes()) {
            ObjectNode o = volumes.addObject();
            o.put("name", v.name);
            o.put("node", v.node().orElse(null));
            o.put("state", v.state());
            OptionalLong through = v.dataThrough(run.end());
            o.put("data_through", through.isPresent() ? Durations.format(through.getAsLong()) : null);
            o.put("on", v.on.orElse(null));
            // Compose's labels of the declared volume, as docker volume inspect shows them; none, no key.
            Optional.ofNullable(run.scenario().volumes().get(v.name)).filter(d -> !d.labels().isEmpty())
                    .ifPresent(d -> d.labels().forEach(o.putObject("labels")::put));
            if (!v.copiesOf().isEmpty()) {
                // a replica's copy of another lineage's writes (the application's replication)
                ObjectNode copies = o.putObject("replica_of");
                for (String lineage : v.copiesOf()) {
                    OptionalLong of = v.dataThrough(lineage, run.end());
                    ObjectNode c = copies.putObject(lineage);
                    c.put("data_through", of.isPresent() ? Durations.format(of.getAsLong()) : null);
                    c.put("streaming", v.streaming(lineage));
                }
            }
        }
        ArrayNode traffic = root.putArray("traffic");
        for (TrafficDecl client : run.scenario().traffic()) {
            TrafficTotals totals = TrafficTotals.of(view.traffic(client.name()));
            ObjectNode o = traffic.addObject();
            o.put("client", client.name());
            o.put("sent", totals.sent());
            o.put("served", totals.served());
            o.put("failed", totals.failed());
            ObjectNode reasons = o.putObject("failed_by_reason");
            totals.failedBy().forEach((reason, n) -> {
                if (n > 0) {
                    reasons.put(reason, n);
                }
            });
            ObjectNode servedBy = o.putObject("served_by");
            totals.servedBy().forEach(servedBy::put);
        }
        return root;
    }

    /** What the images take on a node's disk: each layer once, however many images share it. */
    static long diskBytes(RunResult run, java.util.Collection<String> images) {
        java.util.Map<String, Long> layers = new java.util.HashMap<>();
        images.forEach(i -> run.scenario().image(i).layers().forEach(l -> layers.put(l.digest(), l.sizeBytes())));
        return layers.values().stream().mapToLong(Long::longValue).sum();
    }

    public static String render(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always renders", e);
        }
    }
}
