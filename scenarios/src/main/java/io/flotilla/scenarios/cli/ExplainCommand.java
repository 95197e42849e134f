package io.flotilla.scenarios.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TrafficDecl;
import io.flotilla.scenarios.output.RequestReport;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.dataplane.DataPlaneSettings.RequestProbe;
import io.flotilla.sim.events.RequestExplained;
import io.flotilla.sim.events.TaskExplained;
import io.flotilla.sim.kernel.LoggedEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "explain", description = "Why a task is (or would be) placed where it is: per node, the rejecting filter or "
        + "the ranking keys; or, with --request, what became of a client's request and why.")
final class ExplainCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "The scenario file.")
    Path file;

    @Option(names = "--task", paramLabel = "NAME", description = "A task name such as web.3.")
    String task;

    @Option(names = "--request", paramLabel = "CLIENT",
            description = "A traffic client: follow its first request at or after --at.")
    String request;

    @Option(names = "--at", paramLabel = "TIME",
            description = "A task: the newest decision at or before this time (default: the end). "
                    + "A request: the first one sent at or after it (default: the client's start).")
    String at;

    @Option(names = "--strategy", paramLabel = "swarm|kubernetes", description = "Override the scenario's strategy.")
    String strategy;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--json", description = "Print the explanation as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Strategy> chosen = Strategies.parse(strategy, err);
        OptionalLong when = at == null ? OptionalLong.empty() : Durations.parse(at);
        if ((strategy != null && chosen.isEmpty()) || (at != null && when.isEmpty())) {
            if (at != null && when.isEmpty()) {
                err.println("flotilla: --at expects a duration such as 30s or 2m, got '" + at + "'");
            }
            return ExitCodes.INVALID_INPUT;
        }
        if ((task == null) == (request == null)) {
            err.println("flotilla: explain needs either --task NAME or --request CLIENT");
            return ExitCodes.INVALID_INPUT;
        }
        Optional<Scenario> scenario = Loading.load(file, err, chosen);
        if (scenario.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        OptionalLong seedOption = seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
        if (request != null) {
            return explainRequest(scenario.get(), chosen, seedOption, when, out, err);
        }
        RunResult run = main.runScenario(scenario.get(), new RunOptions(chosen, seedOption, Set.of(task)));
        long until = when.orElse(run.end());
        Optional<LoggedEvent> decision = run.log().until(until).stream()
                .filter(e -> e.event() instanceof TaskExplained t && t.name().equals(task))
                .reduce((first, second) -> second);
        if (decision.isEmpty()) {
            err.println("flotilla: no scheduling decision for task '" + task + "' at or before " + Durations.format(until));
            return ExitCodes.INVALID_INPUT;
        }
        TaskExplained explained = (TaskExplained) decision.get().event();
        ObjectNode root = MAPPER.createObjectNode();
        boolean kubernetes = run.strategy() == Strategy.KUBERNETES;
        root.put("task", task);
        if (kubernetes) {
            root.put("pod", explained.task());
        }
        root.put("strategy", run.strategy().name().toLowerCase(Locale.ROOT));
        root.put("at", Durations.format(decision.get().time()));
        root.put("chosen", explained.chosen());
        if (explained.chosen() == null) {
            root.put("error", explained.error());
        }
        var nodes = root.putArray("nodes");
        for (TaskExplained.Verdict v : explained.nodes()) {
            ObjectNode n = nodes.addObject();
            n.put("node", v.node());
            n.put("feasible", v.feasible());
            if (v.feasible()) {
                if (v.total() != null) {
                    n.put("total", v.total());
                }
                ObjectNode scores = n.putObject("scores");
                v.scores().forEach(scores::put);
            } else {
                n.put("reason", v.reason());
            }
        }
        if (json) {
            out.println(MAPPER.writeValueAsString(root));
        } else {
            out.printf("task %s%s at %s: %s%n", task, kubernetes ? " (pod " + explained.task() + ")" : "",
                    Durations.format(decision.get().time()),
                    explained.chosen() == null ? explained.error() : "placed on " + explained.chosen());
            for (TaskExplained.Verdict v : explained.nodes()) {
                out.printf("  %-20s %s%n", v.node(), v.feasible()
                        ? "feasible " + v.scores() + (v.total() == null ? "" : " total " + v.total())
                        : "rejected: " + v.reason());
            }
        }
        return ExitCodes.PASSED;
    }

    /** Runs the scenario following the first request of the client at or after {@code when}, and prints it. */
    private int explainRequest(Scenario scenario, Optional<Strategy> chosen, OptionalLong seedOption, OptionalLong when,
            PrintWriter out, PrintWriter err) throws Exception {
        Optional<TrafficDecl> client = scenario.trafficClient(request);
        if (client.isEmpty()) {
            List<String> names = scenario.traffic().stream().map(TrafficDecl::name).toList();
            err.println("flotilla: --request: unknown traffic client '" + request + "'"
                    + (names.isEmpty() ? "; the scenario has no traffic" : "; the clients are " + String.join(", ", names)));
            return ExitCodes.INVALID_INPUT;
        }
        long from = when.orElse(client.get().start());
        if (from >= client.get().stop()) {
            err.println("flotilla: --at: client '" + request + "' sends nothing at or after " + Durations.format(from)
                    + " (it stops at " + Durations.format(client.get().stop()) + ")");
            return ExitCodes.INVALID_INPUT;
        }
        RunResult run = main.runScenario(scenario,
                new RunOptions(chosen, seedOption, Set.of(), Optional.of(new RequestProbe(request, from))));
        Optional<LoggedEvent> explained = run.log().events().stream()
                .filter(e -> e.event() instanceof RequestExplained r && r.client().equals(request))
                .findFirst();
        if (explained.isEmpty()) {
            err.println("flotilla: no request of client '" + request + "' at or after " + Durations.format(from)
                    + " was followed in this run");
            return ExitCodes.INVALID_INPUT;
        }
        RequestExplained e = (RequestExplained) explained.get().event();
        if (json) {
            out.println(MAPPER.writeValueAsString(RequestReport.json(e, explained.get().time(), run.strategy())));
        } else {
            RequestReport.print(e, explained.get().time(), out);
        }
        return ExitCodes.PASSED;
    }
}
