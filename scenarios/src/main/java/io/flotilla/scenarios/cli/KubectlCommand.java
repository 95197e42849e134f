package io.flotilla.scenarios.cli;

import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.views.KubeNodeTable;
import io.flotilla.scenarios.views.KubernetesApi;
import io.flotilla.scenarios.views.PodDescription;
import io.flotilla.scenarios.views.PodTable;
import io.flotilla.scenarios.views.RunMoment;
import io.flotilla.scenarios.views.TaskRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "kubectl",
        description = "Look at a Kubernetes run as kubectl does: get pods [-o wide], get nodes [-o wide], describe pod NAME;"
                + " at the end of the run or --at a moment.")
final class KubectlCommand implements Callable<Integer> {

    private static final Set<String> PODS = Set.of("pods", "pod", "po");
    private static final Set<String> NODES = Set.of("nodes", "node", "no");

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RunSelection selection;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "get pods | get nodes | describe pod NAME")
    List<String> words = List.of();

    @Option(names = {"-o", "--output"}, paramLabel = "wide", description = "wide: more columns.")
    String output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (words.isEmpty()) {
            err.println("flotilla: kubectl needs a command: get pods, get nodes or describe pod NAME");
            return ExitCodes.INVALID_INPUT;
        }
        if (output != null && !output.equals("wide")) {
            err.println("error: unable to match a printer suitable for the output format \"" + output
                    + "\", allowed formats are: wide");
            return ExitCodes.INVALID_INPUT;
        }
        Optional<Request> request = request(err);
        if (request.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        Optional<RunSelection.Chosen> chosen = selection.choose(err);
        if (chosen.isEmpty()) {
            return ExitCodes.INVALID_INPUT;
        }
        if (chosen.get().strategy() != Strategy.KUBERNETES) {
            err.println("flotilla: kubectl shows a Kubernetes run, and this one runs the swarm strategy;"
                    + " add --strategy kubernetes (or use ./flotilla ps and ./flotilla nodes)");
            return ExitCodes.INVALID_INPUT;
        }
        RunMoment m = selection.run(chosen.get(), main, err);
        boolean wide = "wide".equals(output);
        switch (request.get().what()) {
            case PODS -> {
                String table = PodTable.render(m, wide);
                if (table.isEmpty()) {
                    err.println(PodTable.NONE);
                }
                out.print(table);
            }
            case NODES -> out.print(KubeNodeTable.render(m, wide));
            case DESCRIBE_POD -> {
                Optional<TaskRecord> pod = KubernetesApi.pod(m, request.get().name());
                if (pod.isEmpty()) {
                    err.println(KubernetesApi.notFound(request.get().name()));
                    return ExitCodes.NO_ANSWER;
                }
                out.print(PodDescription.render(m, pod.get()));
            }
            default -> throw new IllegalStateException();
        }
        return ExitCodes.PASSED;
    }

    private enum What { PODS, NODES, DESCRIBE_POD }

    private record Request(What what, String name) {}

    /** The kubectl words, with kubectl's errors for what it would not understand. */
    private Optional<Request> request(PrintWriter err) {
        String verb = words.get(0);
        if (!verb.equals("get") && !verb.equals("describe")) {
            err.println("error: unknown command \"" + verb + "\" for \"kubectl\"; flotilla's kubectl knows get and describe");
            return Optional.empty();
        }
        if (words.size() < 2) {
            err.println("error: You must specify the type of resource to " + verb + ". Use pods or nodes.");
            return Optional.empty();
        }
        String resource = words.get(1);
        boolean pods = PODS.contains(resource);
        if (!pods && !NODES.contains(resource)) {
            err.println("error: the server doesn't have a resource type \"" + resource + "\"");
            return Optional.empty();
        }
        if (verb.equals("get")) {
            if (words.size() > 2) {
                err.println("flotilla: kubectl get lists every " + (pods ? "pod" : "node") + "; it takes no name here");
                return Optional.empty();
            }
            return Optional.of(new Request(pods ? What.PODS : What.NODES, ""));
        }
        if (!pods || words.size() != 3) {
            err.println("flotilla: kubectl describe takes one pod: describe pod NAME");
            return Optional.empty();
        }
        return Optional.of(new Request(What.DESCRIBE_POD, words.get(2)));
    }
}
