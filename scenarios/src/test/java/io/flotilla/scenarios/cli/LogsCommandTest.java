package io.flotilla.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.cli.Cli.Outcome;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.run.ScenarioRunner;
import io.flotilla.sim.events.RequestServed;
import io.flotilla.sim.events.TrafficCounted;
import io.flotilla.sim.kernel.LoggedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code flotilla logs}: a container's access-log lines at exact virtual times, the current
 * container only (a pod's previous one with {@code -p}), and the tools' refusals.
 */
class LogsCommandTest {

    private static final String VIP = "examples/traffic-vip-failover.yaml";
    private static final String REGISTRY = "examples/compare-registry-outage.yaml";
    private static final String LEAK = "examples/compare-memory-leak.yaml";
    private static final String PAUSE_STOP = "examples/compare-pause-vs-stop.yaml";
    /** The pod whose container compare-pause-vs-stop stops at 2m: the kubelet restarts it in place at once. */
    private static final String STOPPED_POD = "web-94868f9ff-4mnbw";

    private static String line(String time, String second) {
        return time + " shoppers - - [01/Jan/1970:" + second + " +0000] \"GET / HTTP/1.1\" 200 - \"-\" \"-\"\n";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("round robin gives web.1 every third request from 10s, each answered 2ms after it is sent",
                        new String[] {"logs", VIP, "web.1", "--at", "11s", "-t"}, 0,
                        line("1970-01-01T00:00:10.002Z", "00:00:10") + line("1970-01-01T00:00:10.302Z", "00:00:10")
                                + line("1970-01-01T00:00:10.602Z", "00:00:10") + line("1970-01-01T00:00:10.902Z", "00:00:10"),
                        ""),
                Arguments.of("web.1's share grows from a third to a half when gossip drops web.2 at 35.334s",
                        new String[] {"logs", VIP, "web.1", "--at", "36s", "-t", "--tail", "6"}, 0,
                        line("1970-01-01T00:00:34.602Z", "00:00:34") + line("1970-01-01T00:00:34.902Z", "00:00:34")
                                + line("1970-01-01T00:00:35.202Z", "00:00:35") + line("1970-01-01T00:00:35.502Z", "00:00:35")
                                + line("1970-01-01T00:00:35.702Z", "00:00:35") + line("1970-01-01T00:00:35.902Z", "00:00:35"),
                        ""),
                Arguments.of("the slot's name is its newest task: the replacement, running at 49.488s, first answers at 49.702s",
                        new String[] {"logs", VIP, "web.2", "--at", "50s", "-t"}, 0,
                        line("1970-01-01T00:00:49.702Z", "00:00:49"), ""),
                Arguments.of("--tail keeps the last lines; without -t a line has nginx's second only",
                        new String[] {"logs", VIP, "web.2", "--tail", "1"}, 0, line("", "00:01:59").substring(1), ""),
                Arguments.of("a paused container answers nothing, so writes nothing from the pause at 30s to the unpause at 1m30s",
                        new String[] {"logs", PAUSE_STOP, "web.1", "--at", "1m30.3s", "-t", "--tail", "2"}, 0,
                        line("1970-01-01T00:00:29.902Z", "00:00:29") + line("1970-01-01T00:01:30.202Z", "00:01:30"), ""),
                Arguments.of("--tail 0 prints nothing", new String[] {"logs", VIP, "web.3", "--tail", "0"}, 0, "", ""),
                Arguments.of("the crashed task's container is on a node that is down: its daemon cannot be asked",
                        new String[] {"logs", VIP, "web.2#1"}, ExitCodes.NO_ANSWER, "",
                        "flotilla: worker-2 is down at this moment: its Docker daemon does not answer, and the container's log"
                                + " is on its disk\n"),
                Arguments.of("before the crash the same task's lines are there",
                        new String[] {"logs", VIP, "web.2#1", "--at", "29.9s", "--tail", "1", "-t"}, 0,
                        line("1970-01-01T00:00:29.602Z", "00:00:29"), ""),
                Arguments.of("a task that does not exist", new String[] {"logs", VIP, "web.9"}, ExitCodes.NO_ANSWER, "",
                        "Error response from daemon: No such container: web.9\n"),
                Arguments.of("docker logs has no --previous",
                        new String[] {"logs", VIP, "web.2", "-p"}, ExitCodes.INVALID_INPUT, "",
                        "flotilla: --previous is kubectl's; Swarm never restarts a task's container, it starts a new task in"
                                + " the slot: name an older one by its id (web.2#1), as ./flotilla ps lists them\n"),
                Arguments.of("kubectl logs: the restarted container's first answer, a second after the stop at 2m",
                        new String[] {"logs", PAUSE_STOP, STOPPED_POD, "--strategy", "kubernetes", "--at", "2m2.1s", "-t"}, 0,
                        line("1970-01-01T00:02:02.002Z", "00:02:02"), ""),
                Arguments.of("kubectl logs -p: the container before the restart, its last answer before the stop",
                        new String[] {"logs", PAUSE_STOP, STOPPED_POD, "--strategy", "kubernetes", "-p", "--tail", "1", "-t"}, 0,
                        line("1970-01-01T00:01:59.702Z", "00:01:59"), ""),
                Arguments.of("at the stop, before the restart, -p and the current container are the stopped one",
                        new String[] {"logs", PAUSE_STOP, STOPPED_POD, "--strategy", "kubernetes", "-p", "--at", "2m", "--tail", "1", "-t"}, 0,
                        line("1970-01-01T00:01:59.702Z", "00:01:59"), ""),
                Arguments.of("kubectl logs -p before any restart",
                        new String[] {"logs", PAUSE_STOP, STOPPED_POD, "--strategy", "kubernetes", "-p", "--at", "1m59s"},
                        ExitCodes.NO_ANSWER, "", "Error from server (BadRequest): previous terminated container \"web\" in pod \""
                                + STOPPED_POD + "\" not found\n"),
                Arguments.of("kubectl logs of a pod the API server does not have",
                        new String[] {"logs", PAUSE_STOP, "web.1", "--strategy", "kubernetes"}, ExitCodes.NO_ANSWER, "",
                        "Error from server (NotFound): pods \"web.1\" not found\n"),
                Arguments.of("kubectl logs of a pod whose image cannot be pulled: the kubelet's words for ImagePullBackOff",
                        new String[] {"logs", REGISTRY, "web-77f97c6956-9zrgf", "--strategy", "kubernetes", "--at", "1m30s"},
                        ExitCodes.NO_ANSWER, "", "Error from server (BadRequest): container \"web\" in pod \"web-77f97c6956-9zrgf\""
                                + " is waiting to start: trying and failing to pull image\n"),
                Arguments.of("...and for ErrImagePull",
                        new String[] {"logs", REGISTRY, "web-77f97c6956-9zrgf", "--strategy", "kubernetes", "--at", "1m0.5s"},
                        ExitCodes.NO_ANSWER, "", "Error from server (BadRequest): container \"web\" in pod \"web-77f97c6956-9zrgf\""
                                + " is waiting to start: image can't be pulled\n"),
                Arguments.of("a running container that no client asks has written nothing",
                        new String[] {"logs", REGISTRY, "web-66ff4fb645-d69bk", "--strategy", "kubernetes", "--at", "1m30s"}, 0, "", ""),
                Arguments.of("in CrashLoopBackOff the previous container is the one that just died: the kubelet's last terminated",
                        new String[] {"logs", LEAK, "api-b876f584b-hfhbg", "--strategy", "kubernetes", "--at", "2m30s", "-p"}, 0, "", ""),
                Arguments.of("...while the first container still runs there is none",
                        new String[] {"logs", LEAK, "api-b876f584b-hfhbg", "--strategy", "kubernetes", "--at", "1m40s", "-p"},
                        ExitCodes.NO_ANSWER, "", "Error from server (BadRequest): previous terminated container \"api\" in pod"
                                + " \"api-b876f584b-hfhbg\" not found\n"),
                Arguments.of("a negative --tail", new String[] {"logs", VIP, "web.1", "--tail", "-1"}, ExitCodes.INVALID_INPUT, "",
                        "flotilla: --tail expects a number of lines, 0 or more, got -1\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void printsWhatTheContainerWrote(String name, String[] args, int code, String out, String err) {
        Outcome logs = Cli.run(args);
        assertEquals(err, logs.err());
        assertEquals(out, logs.out());
        assertEquals(code, logs.code());
    }

    /** One line per served request: each task's lines are exactly the requests the traffic windows count for it. */
    @Test
    void everyServedRequestIsOneLineOfItsTask() throws Exception {
        Scenario scenario = new ScenarioParser().parse(VIP, Files.readString(Path.of(VIP))).scenario().orElseThrow();
        RunResult run = ScenarioRunner.run(scenario, RunOptions.DEFAULT.withAccessLog());
        Map<String, Long> counted = new TreeMap<>();
        Map<String, Long> logged = new TreeMap<>();
        for (LoggedEvent e : run.log().events()) {
            if (e.event() instanceof TrafficCounted w) {
                w.servedBy().forEach((task, n) -> counted.merge(task, n, Long::sum));
            } else if (e.event() instanceof RequestServed s) {
                logged.merge(s.backend(), 1L, Long::sum);
            }
        }
        assertEquals(Map.of("web.1#1", 390L, "web.2#1", 67L, "web.2#2", 235L, "web.3#1", 390L), counted);
        assertEquals(counted, logged);
        assertEquals(235, Cli.run("logs", VIP, "web.2").out().lines().count());
    }
}
