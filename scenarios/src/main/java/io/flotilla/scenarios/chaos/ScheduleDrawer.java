package io.flotilla.scenarios.chaos;

import io.flotilla.network.topology.FirewallRule;
import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.time.Durations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Draws one run's fault schedule from a random stream: how many faults (uniform from 1 to twice the
 * mix's rate over the window), when (uniform in the window, in whole tenths of a second, from 5s),
 * and which, among the kinds that make sense at that moment: it follows what the schedule has
 * done so far, and what the base's own timeline has done by then, so it restarts only nodes that
 * are down, heals only what is cut, and never writes an action the format would warn does nothing;
 * the nodes the base itself crashes, restarts or takes down with a zone are left to it.
 */
public final class ScheduleDrawer {

    static final long FIRST = Durations.seconds(5);
    static final long STEP = Durations.millis(100);

    private final Scenario base;
    private final FaultMix mix;
    private final SplittableRandom random;
    private final Set<String> down = new TreeSet<>();
    private final Set<List<String>> linksDown = new LinkedHashSet<>();
    /** The rule pairs each node's firewall drops, by node and pair. */
    private final Set<List<Object>> dropped = new LinkedHashSet<>();
    private final Map<String, Availability> availability = new LinkedHashMap<>();
    private final Map<String, Integer> replicas = new TreeMap<>();
    private final Map<String, List<String>> zones = new TreeMap<>();
    /** Nodes the base's own timeline crashes, restarts or takes down with its zone: left to it. */
    private final Set<String> owned = new TreeSet<>();
    private boolean partitioned;
    private int images;

    /** Each strategy's port for one job, side by side: the control plane, the overlay, gossip (Swarm's alone). */
    private static final List<List<FirewallRule>> FIREWALL_PAIRS = List.of(
            List.of(FirewallRule.SWARM_MANAGER, FirewallRule.KUBE_APISERVER),
            List.of(FirewallRule.SWARM_VXLAN, FirewallRule.FLANNEL_VXLAN),
            List.of(FirewallRule.GOSSIP_TCP, FirewallRule.GOSSIP_UDP));

    private ScheduleDrawer(Scenario base, FaultMix mix, SplittableRandom random) {
        this.base = base;
        this.mix = mix;
        this.random = random;
        for (NodeDecl n : base.nodes()) {
            availability.put(n.name(), n.availability());
            n.zone().ifPresent(z -> zones.computeIfAbsent(z, k -> new ArrayList<>()).add(n.name()));
        }
        for (ServiceSpec s : base.services()) {
            if (s.mode() == ServiceMode.REPLICATED) {
                replicas.put(s.name(), s.replicas());
            }
        }
        for (TimelineItem item : base.timeline()) {
            if (item.action() instanceof Action.Crash c) {
                owned.add(c.node());
            } else if (item.action() instanceof Action.Restart r) {
                owned.add(r.node());
            } else if (item.action() instanceof Action.Zone z) {
                owned.addAll(z.nodes());
            }
        }
    }

    /** The faults of one run over {@code [5s, window)}, in time order. */
    public static List<Fault> draw(Scenario base, FaultMix mix, long window, SplittableRandom random) {
        return new ScheduleDrawer(base, mix, random).draw(window);
    }

    private List<Fault> draw(long window) {
        long steps = Math.max(1, (window - FIRST) / STEP);
        double minutes = window / (double) Durations.MINUTE;
        int most = Math.max(1, (int) Math.round(2 * mix.perMinute() * minutes));
        int count = 1 + random.nextInt(most);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(FIRST + random.nextLong(steps) * STEP);
        }
        Collections.sort(times);
        List<TimelineItem> own = base.timeline().stream().sorted(Comparator.comparingLong(TimelineItem::at)).toList();
        int followed = 0;
        List<Fault> faults = new ArrayList<>();
        for (long at : times) {
            while (followed < own.size() && own.get(followed).at() <= at) {
                follow(own.get(followed++).action());
            }
            pick().flatMap(this::make).ifPresent(f -> faults.add(new Fault(at, f.kind(), f.action())));
        }
        return faults;
    }

    /** What the base's own timeline does by then counts too: a node it crashed is down, and so on. */
    private void follow(Action action) {
        if (action instanceof Action.Crash c) {
            down.add(c.node());
        } else if (action instanceof Action.Restart r) {
            down.remove(r.node());
        } else if (action instanceof Action.Zone z) {
            if (z.up()) {
                down.removeAll(z.nodes());
            } else {
                down.addAll(z.nodes());
            }
        } else if (action instanceof Action.Partition) {
            partitioned = true;
        } else if (action instanceof Action.Heal) {
            partitioned = false;
            linksDown.clear();
        } else if (action instanceof Action.Link l) {
            List<String> pair = Stream.of(l.a(), l.b()).sorted(byDeclaration(base.nodes().stream().map(NodeDecl::name).toList())).toList();
            if (l.up()) {
                linksDown.remove(pair);
            } else {
                linksDown.add(pair);
            }
        } else if (action instanceof Action.SetAvailability a) {
            availability.put(a.node(), a.availability());
        } else if (action instanceof Action.Scale sc) {
            sc.replicas().forEach((service, count) -> replicas.computeIfPresent(service, (k, v) -> count));
        }
    }

    private Optional<FaultKind> pick() {
        int total = 0;
        List<FaultKind> possible = new ArrayList<>();
        for (Map.Entry<FaultKind, Integer> w : mix.weights().entrySet()) {
            if (w.getValue() > 0 && possible(w.getKey())) {
                possible.add(w.getKey());
                total += w.getValue();
            }
        }
        if (total == 0) {
            return Optional.empty();
        }
        int r = random.nextInt(total);
        for (FaultKind k : possible) {
            r -= mix.weights().get(k);
            if (r < 0) {
                return Optional.of(k);
            }
        }
        throw new IllegalStateException("weights add up");
    }

    private boolean possible(FaultKind kind) {
        return switch (kind) {
            case CRASH -> !crashable().isEmpty();
            case RESTART -> !restartable().isEmpty();
            case PARTITION, LINK -> base.nodes().size() >= 2;
            case HEAL -> partitioned || !linksDown.isEmpty();
            case ZONE -> !freeZones().isEmpty();
            case DRAIN, FIREWALL -> true;
            case KILL, UPDATE -> !base.services().isEmpty();
            case SCALE -> !replicas.isEmpty();
        };
    }

    /** A record and its kind, before it has a time. */
    private record Drawn(FaultKind kind, Action action) {}

    private Optional<Drawn> make(FaultKind kind) {
        List<String> nodes = base.nodes().stream().map(NodeDecl::name).toList();
        Action action = switch (kind) {
            case CRASH -> {
                String n = any(crashable());
                down.add(n);
                yield new Action.Crash(n);
            }
            case RESTART -> {
                String n = any(restartable());
                down.remove(n);
                yield new Action.Restart(n);
            }
            case PARTITION -> {
                List<String> shuffled = new ArrayList<>(nodes);
                Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
                int cut = 1 + random.nextInt(nodes.size() - 1);
                List<String> group = shuffled.subList(0, cut).stream().sorted(byDeclaration(nodes)).toList();
                List<String> rest = nodes.stream().filter(x -> !group.contains(x)).toList();
                partitioned = true;
                yield new Action.Partition(List.of(group, rest));
            }
            case HEAL -> {
                partitioned = false;
                linksDown.clear();
                yield new Action.Heal();
            }
            case LINK -> {
                int i = random.nextInt(nodes.size());
                int j = random.nextInt(nodes.size() - 1);
                j = j >= i ? j + 1 : j;
                List<String> pair = List.of(nodes.get(Math.min(i, j)), nodes.get(Math.max(i, j)));
                boolean up = linksDown.remove(pair);
                if (!up) {
                    linksDown.add(pair);
                }
                yield new Action.Link(pair.get(0), pair.get(1), up);
            }
            case ZONE -> {
                String zone = any(freeZones());
                List<String> members = zones.get(zone);
                boolean up = down.containsAll(members);
                if (up) {
                    down.removeAll(members);
                } else {
                    down.addAll(members);
                }
                yield new Action.Zone(zone, members, up);
            }
            case DRAIN -> {
                String n = any(nodes);
                List<Availability> others = new ArrayList<>(List.of(Availability.values()));
                others.remove(availability.get(n));
                Availability a = any(others);
                availability.put(n, a);
                yield new Action.SetAvailability(n, a);
            }
            case KILL -> {
                ServiceSpec s = any(base.services());
                if (s.mode() == ServiceMode.REPLICATED) {
                    int r = replicas.get(s.name());
                    if (r == 0) {
                        yield null;
                    }
                    yield new Action.KillTask(s.name() + "." + (1 + random.nextInt(r)));
                }
                List<String> up = nodes.stream().filter(x -> !down.contains(x)).toList();
                yield up.isEmpty() ? null : new Action.KillTask(s.name() + "." + any(up));
            }
            case SCALE -> {
                String s = any(List.copyOf(replicas.keySet()));
                int deployed = base.services().stream().filter(x -> x.name().equals(s)).findFirst().orElseThrow().replicas();
                int to = 1 + random.nextInt(deployed + 2);
                if (to == replicas.get(s)) {
                    yield null;
                }
                replicas.put(s, to);
                yield new Action.Scale(new TreeMap<>(Map.of(s, to)));
            }
            case FIREWALL -> {
                String n = any(nodes);
                List<FirewallRule> rules = any(FIREWALL_PAIRS);
                boolean accept = dropped.remove(List.of(n, rules));
                if (!accept) {
                    dropped.add(List.of(n, rules));
                }
                yield new Action.Firewall(n, !accept, rules);
            }
            case UPDATE -> {
                ServiceSpec s = any(base.services());
                if (random.nextBoolean()) {
                    yield new Action.Update(s.name(), Optional.empty(), Optional.empty(), true);
                }
                yield new Action.Update(s.name(), Optional.of(s.task().image() + "-chaos" + (++images)), Optional.empty(), false);
            }
        };
        return Optional.ofNullable(action).map(a -> new Drawn(kind, a));
    }

    private List<String> crashable() {
        return base.nodes().stream().map(NodeDecl::name).filter(n -> !down.contains(n) && !owned.contains(n)).toList();
    }

    private List<String> restartable() {
        return down.stream().filter(n -> !owned.contains(n)).toList();
    }

    private List<String> freeZones() {
        return zones.keySet().stream().filter(z -> zones.get(z).stream().noneMatch(owned::contains)).toList();
    }

    private static Comparator<String> byDeclaration(List<String> nodes) {
        return Comparator.comparingInt(nodes::indexOf);
    }

    private <T> T any(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
