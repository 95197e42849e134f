package io.flotilla.scenarios.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TrafficDecl;
import io.flotilla.scenarios.model.TrafficTotals;
import io.flotilla.scenarios.model.VolumeDecl;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.TaskSecrets;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.NodeView;
import io.flotilla.sim.view.TaskView;
import io.flotilla.sim.view.VolumeView;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code run --json} result: the run, each expectation, every node, the newest task of every
 * slot at the end (a deleted pod no longer holds one) with its address on each network, every
 * volume (its node, state and up to when it holds every write; {@code on} is the node whose disk
 * holds a {@code local} volume), and what
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

    /**
     * The result as a tree, for callers that look into it; it is what {@link #write} streams, read
     * back token by token.
     */
    public static ObjectNode of(RunResult run, List<ExpectationResult> expectations) {
        TokenBuffer buffer = new TokenBuffer(MAPPER, false);
        try {
            write(run, expectations, Expectations.foldedToEnd(run), buffer);
            return (ObjectNode) MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new IllegalStateException("a buffer of plain values always reads back", e);
        }
    }

    /**
     * Writes the result to {@code out} as {@link #render} prints it, without a tree between: a run
     * of a thousand nodes and twenty thousand tasks makes megabytes of JSON, and building them as
     * nodes first cost more than the writing.
     */
    public static void print(RunResult run, Expectations.Evaluation evaluation, PrintWriter out) {
        // closing the generator flushes it; the caller's writer stays open
        try (JsonGenerator gen = MAPPER.getFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            gen.setPrettyPrinter(new DefaultPrettyPrinter());
            write(run, evaluation.results(), evaluation.atEnd(), gen);
        } catch (IOException e) {
            throw new IllegalStateException("a print writer reports no errors", e);
        }
        out.println();
    }

    private static void write(RunResult run, List<ExpectationResult> expectations, ClusterView view,
            JsonGenerator gen) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("scenario", run.scenario().name());
        gen.writeStringField("strategy", run.strategy().name().toLowerCase(Locale.ROOT));
        gen.writeNumberField("seed", run.seed());
        gen.writeStringField("end", Durations.format(run.end()));
        gen.writeBooleanField("passed", expectations.stream().allMatch(ExpectationResult::passed));
        gen.writeArrayFieldStart("expectations");
        for (ExpectationResult e : expectations) {
            gen.writeStartObject();
            gen.writeNumberField("line", e.line());
            gen.writeStringField("check", e.check());
            gen.writeStringField("at", Durations.format(e.at()));
            gen.writeBooleanField("passed", e.passed());
            gen.writeStringField("detail", e.detail());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("nodes");
        for (NodeView n : view.nodes()) {
            writeNode(gen, run, n);
        }
        gen.writeEndArray();
        boolean kubernetes = run.strategy() == Strategy.KUBERNETES;
        gen.writeArrayFieldStart("tasks");
        for (TaskView t : LiveSlots.newestTasks(run, view)) {
            writeTask(gen, t, kubernetes);
        }
        gen.writeEndArray();
        if (!view.failedCreates().isEmpty()) {
            gen.writeArrayFieldStart("failed_creates");
            for (var entry : view.failedCreates().entrySet()) {
                ClusterView.FailedCreates f = entry.getValue();
                gen.writeStartObject();
                gen.writeStringField("service", entry.getKey());
                gen.writeStringField("kind", f.latest().kind());
                gen.writeStringField("object", f.latest().object());
                gen.writeNumberField("count", f.count());
                gen.writeStringField("first", Durations.format(f.first()));
                gen.writeStringField("last", Durations.format(f.last()));
                gen.writeStringField("message", f.latest().message());
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        gen.writeArrayFieldStart("volumes");
        for (VolumeView v : view.volumes()) {
            gen.writeStartObject();
            gen.writeStringField("name", v.name);
            gen.writeStringField("node", v.node().orElse(null));
            gen.writeStringField("state", v.state());
            OptionalLong through = v.dataThrough(run.end());
            gen.writeStringField("data_through", through.isPresent() ? Durations.format(through.getAsLong()) : null);
            gen.writeStringField("on", v.on.orElse(null));
            // Compose's labels of the declared volume, as docker volume inspect shows them; none, no key.
            Optional<VolumeDecl> declared = Optional.ofNullable(run.scenario().volumes().get(v.name))
                    .filter(d -> !d.labels().isEmpty());
            if (declared.isPresent()) {
                writeStrings(gen, "labels", declared.get().labels());
            }
            if (!v.copiesOf().isEmpty()) {
                // a replica's copy of another lineage's writes (the application's replication)
                gen.writeObjectFieldStart("replica_of");
                for (String lineage : v.copiesOf()) {
                    OptionalLong of = v.dataThrough(lineage, run.end());
                    gen.writeObjectFieldStart(lineage);
                    gen.writeStringField("data_through", of.isPresent() ? Durations.format(of.getAsLong()) : null);
                    gen.writeBooleanField("streaming", v.streaming(lineage));
                    gen.writeEndObject();
                }
                gen.writeEndObject();
            }
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("traffic");
        for (TrafficDecl client : run.scenario().traffic()) {
            TrafficTotals totals = TrafficTotals.of(view.traffic(client.name()));
            gen.writeStartObject();
            gen.writeStringField("client", client.name());
            gen.writeNumberField("sent", totals.sent());
            gen.writeNumberField("served", totals.served());
            gen.writeNumberField("failed", totals.failed());
            gen.writeObjectFieldStart("failed_by_reason");
            for (Map.Entry<String, Long> reason : totals.failedBy().entrySet()) {
                if (reason.getValue() > 0) {
                    gen.writeNumberField(reason.getKey(), reason.getValue());
                }
            }
            gen.writeEndObject();
            gen.writeObjectFieldStart("served_by");
            for (Map.Entry<String, Long> served : totals.servedBy().entrySet()) {
                gen.writeNumberField(served.getKey(), served.getValue());
            }
            gen.writeEndObject();
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    // One small method per element, not one long loop body: the JIT compiles them after a few
    // hundred calls, where a single long method would run interpreted for most of 20,000 tasks.
    private static void writeNode(JsonGenerator gen, RunResult run, NodeView n) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", n.name);
        gen.writeStringField("role", n.role.name().toLowerCase(Locale.ROOT));
        gen.writeStringField("state", n.state());
        gen.writeStringField("availability", n.availability().name().toLowerCase(Locale.ROOT));
        gen.writeStringField("believed", n.believed());
        gen.writeArrayFieldStart("images");
        for (String image : n.images()) {
            gen.writeString(image);
        }
        gen.writeEndArray();
        gen.writeNumberField("image_bytes", diskBytes(run, n.images()));
        gen.writeEndObject();
    }

    private static void writeTask(JsonGenerator gen, TaskView t, boolean kubernetes) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("name", t.name);
        if (kubernetes) {
            gen.writeStringField("pod", t.id);
        }
        gen.writeStringField("service", t.service);
        gen.writeStringField("node", t.node().orElse(null));
        gen.writeStringField("state", t.state().lowerName());
        gen.writeStringField("desired", t.desired().lowerName());
        gen.writeStringField("error", t.error().orElse(null));
        writeStrings(gen, "addresses", t.addresses);
        gen.writeStringField("believed", t.believed().lowerName());
        gen.writeStringField("id", t.id);
        gen.writeStringField("image", t.image);
        if (t.health().isPresent()) {
            gen.writeStringField("health", t.health().get());
        }
        writeFileNames(gen, "secrets", t.secrets());
        writeFileNames(gen, "configs", t.configs());
        if (t.paused()) {
            gen.writeBooleanField("paused", true);
        }
        gen.writeEndObject();
    }

    /** The files' names, in order; no key when there are none. */
    private static void writeFileNames(JsonGenerator gen, String field, List<TaskSecrets.GrantedFile> files)
            throws IOException {
        if (files.isEmpty()) {
            return;
        }
        gen.writeArrayFieldStart(field);
        for (TaskSecrets.GrantedFile f : files) {
            gen.writeString(f.name());
        }
        gen.writeEndArray();
    }

    private static void writeStrings(JsonGenerator gen, String field, Map<String, String> values) throws IOException {
        gen.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : values.entrySet()) {
            gen.writeStringField(e.getKey(), e.getValue());
        }
        gen.writeEndObject();
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
