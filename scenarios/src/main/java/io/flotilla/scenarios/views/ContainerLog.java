package io.flotilla.scenarios.views;

import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.RequestServed;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.LoggedEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code docker logs} of a task's container and {@code kubectl logs} of a pod: what the container's
 * process wrote to its standard output up to a moment. The only process the simulation runs in a
 * container is a server that answers requests, so the only lines it knows are the access-log lines
 * such a server writes, one per request it answered, in nginx's default {@code combined} format (the
 * official nginx image sends its access log to the container's standard output):
 *
 * <pre>shoppers - - [01/Jan/1970:00:00:31 +0000] "GET / HTTP/1.1" 200 - "-" "-"</pre>
 *
 * <p>Where each field comes from: the remote address is the traffic client's name (the model gives
 * clients no addresses); the time is the second in which the answer reached the client (the run
 * starts at the Unix epoch, see {@link WallClock}); the request line is always {@code GET /} (a
 * simulated request has no method or path); the status is 200, since only answered requests are
 * logged; size, referer and user agent are not simulated and print as {@code -}. A request the
 * container never answered (reset when it stopped, lost with its node, black-holed, or answered
 * after the client gave up) has no line. Nothing else is written: the runtime's and the kubelet's
 * own messages (started, killed, OOM) are events, never the container's output, so neither tool
 * shows them here ({@code describe pod} and {@code inspect} do).
 *
 * <p>A container is one run of a task's process, from the moment it starts running until it stops.
 * A Swarm task has at most one: a restart is a new task, in the same slot. A pod's container
 * restarts in place, and {@code kubectl logs} shows the current one, or with {@code --previous} the
 * one before it.
 */
public final class ContainerLog {

    private static final DateTimeFormatter TIME_LOCAL =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ContainerLog() {}

    /** The answer: the lines, or the tool's error. */
    public sealed interface Answer permits Lines, Refused {}

    /** The container's lines, oldest first. */
    public record Lines(List<String> lines) implements Answer {}

    /** The tool's error as it prints it. */
    public record Refused(String message) implements Answer {}

    /** One container of a task: when it started running and when it stopped (the moment, if it still {@code runs}). */
    private record Run(long start, long end, boolean runs) {}

    /** What to show: the container before the current one ({@code previous}), the last {@code tail} lines, time stamps. */
    public record Request(String name, boolean previous, OptionalInt tail, boolean timestamps) {}

    /** The container's log at the moment {@code m} as the strategy's tool prints it. */
    public static Answer of(RunMoment m, Request request) {
        boolean kubernetes = m.strategy() == Strategy.KUBERNETES;
        Optional<TaskRecord> task = kubernetes ? KubernetesApi.pod(m, request.name())
                : m.tasks().stream().filter(t -> t.name().equals(request.name()) || t.id().equals(request.name()))
                        .reduce((older, newer) -> newer);
        if (task.isEmpty()) {
            return new Refused(kubernetes ? KubernetesApi.notFound(request.name())
                    : "Error response from daemon: No such container: " + request.name());
        }
        TaskRecord t = task.get();
        List<Run> runs = containers(m, t.id());
        String container = t.service();
        if (runs.isEmpty()) {
            if (!kubernetes) {
                return new Refused("Error response from daemon: No such container: " + request.name());
            }
            if (t.node().isEmpty()) {
                // The API server has no node to ask for an unscheduled pod's log, and answers with nothing.
                return new Lines(List.of());
            }
            return new Refused("Error from server (BadRequest): container \"" + container + "\" in pod \"" + request.name()
                    + "\" is waiting to start: " + waiting(KubernetesApi.status(m, t)));
        }
        // The kubelet's previous container is the pod's last terminated one: the one before the
        // current while that runs, the current itself while it waits to be restarted.
        boolean running = runs.get(runs.size() - 1).runs();
        if (request.previous() && running && runs.size() < 2) {
            return new Refused("Error from server (BadRequest): previous terminated container \"" + container
                    + "\" in pod \"" + request.name() + "\" not found");
        }
        String node = t.node().orElse("");
        if (m.node(node).map(n -> !n.isUp()).orElse(false)) {
            // The log is a file on the node's disk, read through its daemon or kubelet, which is down.
            return new Refused("flotilla: " + node + " is down at this moment: its " + (kubernetes ? "kubelet" : "Docker daemon")
                    + " does not answer, and the container's log is on its disk");
        }
        Run run = runs.get(runs.size() - (request.previous() && running ? 2 : 1));
        // The data plane logs an answer when it next catches up, which may be after the moment asked
        // about: the answer's own time decides, over the whole log.
        List<RequestServed> served = new ArrayList<>();
        for (LoggedEvent e : m.run().log().events()) {
            if (e.event() instanceof RequestServed s && s.backend().equals(t.id())
                    && s.answered() >= run.start() && s.answered() <= run.end()) {
                served.add(s);
            }
        }
        served.sort(Comparator.comparingLong(RequestServed::answered));
        List<String> lines = new ArrayList<>();
        for (RequestServed s : served) {
            lines.add((request.timestamps() ? WallClock.rfc3339Nano(s.answered()) + " " : "") + line(s));
        }
        int from = request.tail().isPresent() ? Math.max(0, lines.size() - request.tail().getAsInt()) : 0;
        return new Lines(List.copyOf(lines.subList(from, lines.size())));
    }

    /** How the kubelet says why a container that never ran has no log (its validateContainerLogStatus). */
    private static String waiting(String reason) {
        if (reason.equals("ErrImagePull")) {
            return "image can't be pulled";
        }
        if (reason.equals("ImagePullBackOff")) {
            return "trying and failing to pull image";
        }
        return reason;
    }

    /** The access-log line of one answered request, in nginx's {@code combined} format. */
    static String line(RequestServed s) {
        return s.client() + " - - [" + TIME_LOCAL.format(Instant.ofEpochSecond(0, s.answered()))
                + "] \"GET / HTTP/1.1\" 200 - \"-\" \"-\"";
    }

    /**
     * The task's containers up to the moment, each from its start to its stop (the moment if it
     * still runs): a run begins when the task's state becomes running and ends at its next terminal
     * state.
     */
    private static List<Run> containers(RunMoment m, String taskId) {
        List<Run> runs = new ArrayList<>();
        long started = -1;
        for (LoggedEvent e : m.run().log().events()) {
            if (e.time() > m.at()) {
                break;
            }
            if (e.event() instanceof TaskStateChanged s && s.task().equals(taskId)) {
                if (s.state() == TaskState.RUNNING && started < 0) {
                    started = e.time();
                } else if (s.state().isTerminal() && started >= 0) {
                    runs.add(new Run(started, e.time(), false));
                    started = -1;
                }
            }
        }
        if (started >= 0) {
            runs.add(new Run(started, m.at(), true));
        }
        return runs;
    }
}
