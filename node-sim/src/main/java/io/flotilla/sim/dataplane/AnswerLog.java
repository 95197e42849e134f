package io.flotilla.sim.dataplane;

import io.flotilla.network.dns.DnsRecords;
import io.flotilla.network.swarm.SwarmDataPlane.ViewRecords;
import io.flotilla.sim.events.DnsAnswersChanged;
import io.flotilla.sim.kernel.EventLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Logs {@link DnsAnswersChanged}: what a container on a node gets for each service's names on a
 * network, from then on. Only the (node, network) pairs where the node takes part (runs a task or
 * a traffic client on the network) are logged, as only there can a container ask; a pair whose last
 * container leaves gets NXDOMAIN for every name it had an answer for. Changes within one instant
 * are logged once, at its end, and only when the answer differs from the one logged last; pairs
 * are flushed in the order they first changed in the instant.
 *
 * <p>Addresses are logged in address order (numerically), each with its task in the same order.
 *
 * <p>A thousand nodes that see the same entries on a network give the same answers: a pair's answers are
 * worked out once per distinct view content ({@link Plane#viewContent}) and shared, lists and all, by
 * every pair that sees the same, as long as the view's order cannot matter (no two records with one
 * address, no service whose entries disagree on its VIP).
 */
final class AnswerLog {

    private record Answer(List<String> addresses, List<String> tasks) {
        static final Answer NXDOMAIN = new Answer(List.of(), List.of());
    }

    /** One (node, network) pair: how many containers of the node are on the network, and what was logged. */
    private static final class Pair {
        final String node;
        final String network;
        int attached;
        boolean dirty;
        final Map<String, Answer> logged = new LinkedHashMap<>();

        Pair(String node, String network) {
            this.node = node;
            this.network = network;
        }
    }

    private final EventLog log;
    private final Map<String, Map<String, Pair>> pairs = new HashMap<>();
    private final List<Pair> dirty = new ArrayList<>();
    private boolean allDirty;
    /** The pair marked last: a bulk sync tells the same pair of every entry it brings, and once is enough. */
    private Pair lastMarked;
    /** Addresses as numbers, parsed once: the same strings come back in every answer. */
    private final Map<String, Long> numeric = new HashMap<>();
    /** The answers of each view content seen lately, for the names logged on its network, in order. */
    private final Map<Object, List<Answer>> byContent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, List<Answer>> eldest) {
            return size() > CONTENTS_KEPT;
        }
    };
    /** Set by {@link #answer}: the records it sorted had two with one address, whose order the view decides. */
    private boolean ties;

    /** How many view contents' answers are kept: a few per network are in use at a time. */
    private static final int CONTENTS_KEPT = 1024;

    AnswerLog(EventLog log) {
        this.log = log;
    }

    private Pair pair(String node, String network) {
        return pairs.computeIfAbsent(node, n -> new HashMap<>()).computeIfAbsent(network, n -> new Pair(node, n));
    }

    private void mark(Pair p) {
        lastMarked = p;
        if (!p.dirty) {
            p.dirty = true;
            dirty.add(p);
        }
    }

    void attached(String node, String network) {
        Pair p = pair(node, network);
        if (p.attached++ == 0) {
            mark(p);
        }
    }

    void detached(String node, String network) {
        Pair p = pair(node, network);
        if (p.attached > 0 && --p.attached == 0) {
            mark(p);
        }
    }

    void nodeGone(String node) {
        Map<String, Pair> ofNode = pairs.getOrDefault(node, Map.of());
        ofNode.keySet().stream().sorted().forEach(network -> {
            Pair p = ofNode.get(network);
            if (p.attached > 0) {
                p.attached = 0;
                mark(p);
            }
        });
    }

    void viewChanged(String node, String network) {
        Pair last = lastMarked;
        if (last != null && last.dirty && last.node == node && last.network == network) {
            return;
        }
        Map<String, Pair> ofNode = pairs.get(node);
        Pair p = ofNode == null ? null : ofNode.get(network);
        if (p != null && p.attached > 0) {
            mark(p);
        }
    }

    void everythingChanged() {
        allDirty = true;
        byContent.clear(); // the services changed: a view's content may answer differently
    }

    /** Logs every answer that changed since the last flush. */
    void flush(Plane plane) {
        if (allDirty) {
            allDirty = false;
            pairs.keySet().stream().sorted().forEach(node -> pairs.get(node).keySet().stream().sorted().forEach(network -> {
                Pair p = pairs.get(node).get(network);
                if (p.attached > 0) {
                    mark(p);
                }
            }));
        }
        if (dirty.isEmpty()) {
            return;
        }
        List<Pair> batch = new ArrayList<>(dirty);
        dirty.clear();
        for (Pair p : batch) {
            p.dirty = false;
            if (p.attached > 0) {
                List<String> names = plane.dnsNames(p.network);
                List<Answer> answers = answers(plane, p);
                for (int i = 0; i < names.size(); i++) {
                    write(p, names.get(i), answers.get(i));
                }
            } else {
                for (String name : List.copyOf(p.logged.keySet())) {
                    write(p, name, Answer.NXDOMAIN);
                }
                p.logged.clear();
            }
        }
    }

    private void write(Pair p, String name, Answer now) {
        Answer before = p.logged.getOrDefault(name, Answer.NXDOMAIN);
        if (!before.equals(now)) {
            p.logged.put(name, now);
            log.append(new DnsAnswersChanged(p.node, p.network, name, now.addresses(), now.tasks()));
        }
    }

    /** The pair's answers for the network's names, in {@link Plane#dnsNames} order: worked out once per view content. */
    private List<Answer> answers(Plane plane, Pair p) {
        Optional<Object> content = plane.viewContent(p.node, p.network);
        if (content.isPresent()) {
            List<Answer> known = byContent.get(content.get());
            if (known != null) {
                return known;
            }
        }
        ViewRecords records = plane.records(p.node, p.network);
        List<Answer> answers = new ArrayList<>(records.records().size());
        boolean orderFree = records.orderFree();
        for (DnsRecords r : records.records()) {
            answers.add(answer(r));
            orderFree &= !ties;
        }
        if (content.isPresent() && orderFree) {
            byContent.put(content.get(), answers);
        }
        return answers;
    }

    /** The records in address order, tasks alongside; sets {@link #ties}. */
    private Answer answer(DnsRecords r) {
        ties = false;
        if (r.isNxdomain()) {
            return Answer.NXDOMAIN;
        }
        int n = r.addresses().size();
        if (n == 1) {
            return new Answer(r.addresses(), r.keys());
        }
        // an address is 32 bits: it and the record's index sort together as one long
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = numeric.computeIfAbsent(r.addresses().get(i), Addresses::numeric) << 20 | i;
        }
        Arrays.sort(order);
        for (int j = 1; j < n && !ties; j++) {
            ties = order[j] >>> 20 == order[j - 1] >>> 20;
        }
        String[] addresses = new String[n];
        String[] tasks = new String[r.keys().isEmpty() ? 0 : n];
        for (int j = 0; j < n; j++) {
            int i = (int) (order[j] & 0xFFFFF);
            addresses[j] = r.addresses().get(i);
            if (tasks.length > 0) {
                tasks[j] = r.keys().get(i);
            }
        }
        return new Answer(List.of(addresses), List.of(tasks));
    }
}
