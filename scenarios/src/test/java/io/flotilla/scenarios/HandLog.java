package io.flotilla.scenarios;

import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.DnsAnswersChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TrafficCounted;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.EventLog;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An event log written by hand, for what the simulation of this build does not log yet or for one
 * exact moment: {@code at("45s").add(event)}. Times only go forward, as in a real log.
 */
public final class HandLog {

    private long now;
    private final EventLog log = new EventLog(() -> now);

    public HandLog at(String time) {
        now = t(time);
        return this;
    }

    public HandLog add(Event... events) {
        for (Event e : events) {
            log.append(e);
        }
        return this;
    }

    public EventLog log() {
        return log;
    }

    /** The run of {@code scenario} as this log tells it, ending at its {@code until}. */
    public RunResult run(Scenario scenario) {
        return new RunResult(scenario, scenario.strategy(), scenario.seed(), scenario.until(), log);
    }

    public static long t(String time) {
        return Durations.parse(time).orElseThrow();
    }

    public static Scenario parse(String yaml) {
        ParseOutcome outcome = new ScenarioParser().parse("hand.yaml", yaml);
        if (!outcome.problems().isEmpty()) {
            throw new AssertionError("the test's scenario must be valid: " + outcome.problems());
        }
        return outcome.scenario().orElseThrow();
    }

    /** A task of {@code service} created with an address on each network ({@code "frontend=10.0.1.3"}), then running on {@code node}. */
    public static Event[] running(String id, String service, int slot, String node, String... addresses) {
        SortedMap<String, String> on = new TreeMap<>();
        for (String a : addresses) {
            on.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        String name = service + "." + slot;
        return new Event[] {
            new TaskCreated(id, name, service, slot, null, 1, service + ":latest", TaskState.RUNNING, on),
            new TaskStateChanged(id, node, TaskState.RUNNING, "started", null)};
    }

    public static DnsAnswersChanged dns(String node, String network, String name, List<String> addresses, List<String> tasks) {
        return new DnsAnswersChanged(node, network, name, addresses, tasks);
    }

    /** One second of a client's traffic from {@code from}: {@code failed} as reason, count pairs; {@code servedBy} as task, count pairs. */
    public static TrafficCounted window(String client, String from, long sent, List<Object> failed, List<Object> servedBy) {
        TreeMap<String, Long> f = pairs(failed);
        TreeMap<String, Long> s = pairs(servedBy);
        long served = s.values().stream().mapToLong(Long::longValue).sum();
        long start = t(from);
        return new TrafficCounted(client, start, start + Durations.SECOND, sent, served, f, s);
    }

    private static TreeMap<String, Long> pairs(List<Object> flat) {
        TreeMap<String, Long> out = new TreeMap<>();
        for (int i = 0; i < flat.size(); i += 2) {
            out.put((String) flat.get(i), ((Number) flat.get(i + 1)).longValue());
        }
        return out;
    }
}
