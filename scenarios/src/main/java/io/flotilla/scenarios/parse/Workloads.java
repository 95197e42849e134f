package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.time.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which services and statefulsets exist when: those of the file from the start, those of a
 * timeline {@code deploy} from its item on (a deploy replaces a workload of the same name). A
 * timeline item sees what was deployed before it in timeline order; an expectation sees everything
 * deployed at or before its time.
 */
final class Workloads {

    /** A service (with its spec) or a statefulset (mode replicated, with its declaration). */
    record Workload(String name, boolean statefulset, ServiceMode mode, Optional<ServiceSpec> spec,
            Optional<StatefulSetDecl> set, long at, int seq) {

        /** The networks its tasks are on. */
        List<String> networks() {
            return spec.map(s -> s.task().networks()).or(() -> set.map(d -> d.task().networks())).orElse(List.of());
        }
    }

    /** A name a timeline deploy gives, known before the items are bound in time order. */
    private record Announced(String name, long at, int seq) {}

    /** Whether a workload added at {@code at}, {@code seq}-th in the file, is visible to a view. */
    private interface Visible {
        boolean test(long at, int seq);
    }

    private static final long FROM_THE_START = -1;
    private final List<Workload> all = new ArrayList<>();
    private final List<Announced> announced = new ArrayList<>();

    void addService(ServiceSpec spec, long at, int seq) {
        all.add(new Workload(spec.name(), false, spec.mode(), Optional.of(spec), Optional.empty(), at, seq));
    }

    void addStatefulSet(StatefulSetDecl set, long at, int seq) {
        all.add(new Workload(set.name(), true, ServiceMode.REPLICATED, Optional.empty(), Optional.of(set), at, seq));
    }

    void addServiceAtStart(ServiceSpec spec) {
        addService(spec, FROM_THE_START, 0);
    }

    void addStatefulSetAtStart(StatefulSetDecl set) {
        addStatefulSet(set, FROM_THE_START, 0);
    }

    /**
     * Says that the timeline item at {@code at}, {@code seq}-th in the file, deploys {@code name}, so that
     * an item before it that names it is told when it comes rather than that it is unknown.
     */
    void announce(String name, long at, int seq) {
        announced.add(new Announced(name, at, seq));
    }

    /** Every version of every service the file deploys, at the start or later, in the order they were read. */
    List<ServiceSpec> allServiceVersions() {
        return all.stream().flatMap(w -> w.spec.stream()).toList();
    }

    /** What a timeline item at {@code at}, {@code seq}-th in the file, sees. */
    View beforeItem(long at, int seq) {
        return view((wAt, wSeq) -> wAt < at || (wAt == at && wSeq < seq), at);
    }

    /** What an expectation at {@code at} sees. */
    View at(long at) {
        return view((wAt, wSeq) -> wAt <= at, at);
    }

    /** What exists at the end of the run. */
    View atEnd() {
        return view((wAt, wSeq) -> true, Long.MAX_VALUE);
    }

    private View view(Visible visible, long at) {
        Map<String, Workload> now = new LinkedHashMap<>();
        Map<String, Long> later = new TreeMap<>();
        for (Workload w : all) {
            if (visible.test(w.at, w.seq)) {
                now.put(w.name, w);
            } else {
                later.merge(w.name, w.at, Math::min);
            }
        }
        for (Announced a : announced) {
            if (!visible.test(a.at, a.seq)) {
                later.merge(a.name, a.at, Math::min);
            }
        }
        return new View(now, later, at);
    }

    /** The workloads visible at one moment, and the words for a name that is not among them. */
    static final class View {
        private final Map<String, Workload> now;
        private final Map<String, Long> later;
        private final long at;

        private View(Map<String, Workload> now, Map<String, Long> later, long at) {
            this.now = now;
            this.later = later;
            this.at = at;
        }

        Optional<Workload> get(String name) {
            return Optional.ofNullable(now.get(name));
        }

        List<ServiceSpec> services() {
            return now.values().stream().flatMap(w -> w.spec.stream()).toList();
        }

        /** Empty when {@code name} is a service now, else why not. */
        Optional<String> checkService(String name) {
            Workload w = now.get(name);
            if (w != null && !w.statefulset) {
                return Optional.empty();
            }
            if (w != null) {
                return Optional.of("'" + name + "' is a statefulset, not a service");
            }
            return Optional.of(unknown("service", name, now.values().stream().filter(x -> !x.statefulset).map(Workload::name).toList()));
        }

        /** The statefulset whose headless Service is named {@code service} ({@code db} for pods {@code db-0.db}). */
        Optional<Workload> statefulSetServing(String service) {
            return now.values().stream()
                    .filter(w -> w.set.map(d -> d.service().equals(service)).orElse(false))
                    .findFirst();
        }

        /** Empty when {@code name} is a service or a statefulset now, else why not. */
        Optional<String> checkWorkload(String name) {
            return now.containsKey(name)
                    ? Optional.empty()
                    : Optional.of(unknown("service or statefulset", name, List.copyOf(now.keySet())));
        }

        private String unknown(String what, String name, List<String> known) {
            Long deployed = later.get(name);
            if (deployed != null) {
                String when = at == Long.MAX_VALUE ? "" : " at " + Durations.format(Math.max(at, 0));
                return "unknown " + what + " '" + name + "'" + when + "; it is deployed only at " + Durations.format(deployed);
            }
            return "unknown " + what + " '" + name + "'" + Suggestions.didYouMean(name, known);
        }
    }
}
