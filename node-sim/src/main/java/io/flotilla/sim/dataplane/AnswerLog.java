package io.flotilla.sim.dataplane;

import io.flotilla.network.dns.DnsRecords;
import io.flotilla.sim.events.DnsAnswersChanged;
import io.flotilla.sim.kernel.EventLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Logs {@link DnsAnswersChanged}: what a container on a node gets for each service's names on a
 * network, from then on. Only the (node, network) pairs where the node takes part (runs a task or
 * a traffic client on the network) are logged, as only there can a container ask; a pair whose last
 * container leaves gets NXDOMAIN for every name it had an answer for. Changes within one instant
 * are logged once, at its end, and only when the answer differs from the one logged last.
 *
 * <p>Addresses are logged in address order (numerically), each with its task in the same order.
 */
final class AnswerLog {

    private record Pair(String node, String network) {}

    private record Answer(List<String> addresses, List<String> tasks) {
        static final Answer NXDOMAIN = new Answer(List.of(), List.of());
    }

    private final EventLog log;
    /** How many containers of each node are on each network. */
    private final Map<Pair, Integer> attached = new HashMap<>();
    /** The answers logged last, by pair and name. */
    private final Map<Pair, Map<String, Answer>> logged = new HashMap<>();
    private final Set<Pair> dirty = new LinkedHashSet<>();
    private boolean allDirty;

    AnswerLog(EventLog log) {
        this.log = log;
    }

    void attached(String node, String network) {
        Pair p = new Pair(node, network);
        if (attached.merge(p, 1, Integer::sum) == 1) {
            dirty.add(p);
        }
    }

    void detached(String node, String network) {
        Pair p = new Pair(node, network);
        Integer n = attached.get(p);
        if (n != null) {
            if (n <= 1) {
                attached.remove(p);
                dirty.add(p);
            } else {
                attached.put(p, n - 1);
            }
        }
    }

    void nodeGone(String node) {
        List<Pair> gone = new ArrayList<>();
        for (Pair p : attached.keySet()) {
            if (p.node().equals(node)) {
                gone.add(p);
            }
        }
        gone.sort((a, b) -> a.network().compareTo(b.network()));
        for (Pair p : gone) {
            attached.remove(p);
            dirty.add(p);
        }
    }

    void viewChanged(String node, String network) {
        Pair p = new Pair(node, network);
        if (attached.containsKey(p)) {
            dirty.add(p);
        }
    }

    void everythingChanged() {
        allDirty = true;
    }

    /** Logs every answer that changed since the last flush. */
    void flush(Plane plane) {
        if (allDirty) {
            allDirty = false;
            List<Pair> all = new ArrayList<>(attached.keySet());
            all.sort((a, b) -> a.node().equals(b.node()) ? a.network().compareTo(b.network()) : a.node().compareTo(b.node()));
            dirty.addAll(all);
        }
        if (dirty.isEmpty()) {
            return;
        }
        List<Pair> batch = new ArrayList<>(dirty);
        dirty.clear();
        for (Pair p : batch) {
            Map<String, Answer> last = logged.computeIfAbsent(p, k -> new LinkedHashMap<>());
            if (attached.containsKey(p)) {
                for (String name : plane.dnsNames(p.network())) {
                    write(p, name, answer(plane.records(p.node(), p.network(), name)), last);
                }
            } else {
                for (String name : List.copyOf(last.keySet())) {
                    write(p, name, Answer.NXDOMAIN, last);
                }
                logged.remove(p);
            }
        }
    }

    private void write(Pair p, String name, Answer now, Map<String, Answer> last) {
        Answer before = last.getOrDefault(name, Answer.NXDOMAIN);
        if (!before.equals(now)) {
            last.put(name, now);
            log.append(new DnsAnswersChanged(p.node(), p.network(), name, now.addresses(), now.tasks()));
        }
    }

    /** The records in address order, tasks alongside. */
    private static Answer answer(DnsRecords r) {
        if (r.isNxdomain()) {
            return Answer.NXDOMAIN;
        }
        int n = r.addresses().size();
        if (n == 1) {
            return new Answer(r.addresses(), r.keys());
        }
        Integer[] order = new Integer[n];
        long[] numeric = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            numeric[i] = Addresses.numeric(r.addresses().get(i));
        }
        Arrays.sort(order, (a, b) -> Long.compare(numeric[a], numeric[b]));
        List<String> addresses = new ArrayList<>(n);
        List<String> tasks = new ArrayList<>(r.keys().isEmpty() ? 0 : n);
        for (int i : order) {
            addresses.add(r.addresses().get(i));
            if (!r.keys().isEmpty()) {
                tasks.add(r.keys().get(i));
            }
        }
        return new Answer(List.copyOf(addresses), List.copyOf(tasks));
    }
}
