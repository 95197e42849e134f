package io.flotilla.scenarios.model;

import io.flotilla.scheduler.model.NodeStatus;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an expectation checks, about what is really true in the simulated cluster (not what the
 * manager believes). Names are checked: services and statefulsets exist at the expectation's time,
 * nodes exist, task names are well formed.
 */
public sealed interface Check {

    /** The key that introduces the check in a scenario file, also used in the JSON result. */
    String keyword();

    /** Exactly this many tasks in state running, per service or statefulset. */
    record Running(SortedMap<String, Integer> counts) implements Check {
        public Running {
            counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        }

        public String keyword() {
            return "running";
        }
    }

    /** Exactly this many running tasks of the service on each listed node (other nodes unchecked). */
    record PlacementCheck(SortedMap<String, SortedMap<String, Integer>> counts) implements Check {
        public PlacementCheck {
            TreeMap<String, SortedMap<String, Integer>> copy = new TreeMap<>();
            counts.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(v))));
            counts = Collections.unmodifiableSortedMap(copy);
        }

        public String keyword() {
            return "placement";
        }
    }

    /**
     * The multiset of running-task counts over the nodes that hold at least one, per service;
     * stored sorted in descending order ({@code [2, 2, 1]}), so it compares with {@code equals}.
     */
    record Spread(SortedMap<String, List<Integer>> counts) implements Check {
        public Spread {
            TreeMap<String, List<Integer>> copy = new TreeMap<>();
            counts.forEach((k, v) -> copy.put(k, v.stream().sorted(Collections.reverseOrder()).toList()));
            counts = Collections.unmodifiableSortedMap(copy);
        }

        public String keyword() {
            return "spread";
        }
    }

    /** Exactly this many tasks pending (not placed), and when given, each with exactly this reason. */
    record Pending(SortedMap<String, Integer> counts, Optional<String> reason) implements Check {
        public Pending {
            counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        }

        public String keyword() {
            return "pending";
        }
    }

    /** The task runs on one of the listed nodes. */
    record On(SortedMap<String, List<String>> nodes) implements Check {
        public On {
            TreeMap<String, List<String>> copy = new TreeMap<>();
            nodes.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            nodes = Collections.unmodifiableSortedMap(copy);
        }

        public String keyword() {
            return "on";
        }
    }

    /** The node's real condition: {@code READY}, {@code DOWN} or {@code UNKNOWN} (and {@code DISCONNECTED}). */
    record NodeCondition(SortedMap<String, NodeStatus> states) implements Check {
        public NodeCondition {
            states = Collections.unmodifiableSortedMap(new TreeMap<>(states));
        }

        public String keyword() {
            return "node";
        }
    }
}
