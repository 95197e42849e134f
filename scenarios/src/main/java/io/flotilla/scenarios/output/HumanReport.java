package io.flotilla.scenarios.output;

import io.flotilla.scenarios.expect.ExpectationResult;
import io.flotilla.scenarios.expect.Views;
import io.flotilla.scenarios.model.ByteSizes;
import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.runtime.Bytes;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.ActionIgnored;
import io.flotilla.sim.events.ClaimChanged;
import io.flotilla.sim.events.CommandRejected;
import io.flotilla.sim.events.ContainerBackOff;
import io.flotilla.sim.events.ContainerCommanded;
import io.flotilla.sim.events.ContainerOomKilled;
import io.flotilla.sim.events.DnsAnswersChanged;
import io.flotilla.sim.events.FirewallChanged;
import io.flotilla.sim.events.ImagePullFailed;
import io.flotilla.sim.events.ImagePullStarted;
import io.flotilla.sim.events.ImagePulled;
import io.flotilla.sim.events.LbBackendChanged;
import io.flotilla.sim.events.LeaderChanged;
import io.flotilla.sim.events.NetworkChanged;
import io.flotilla.sim.events.NetworkCreated;
import io.flotilla.sim.events.NodeAvailabilityChanged;
import io.flotilla.sim.events.NodeBooted;
import io.flotilla.sim.events.NodeCrashed;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.NodeTaintChanged;
import io.flotilla.sim.events.PodEvicted;
import io.flotilla.sim.events.PodForceDeleted;
import io.flotilla.sim.events.RegistryStateChanged;
import io.flotilla.sim.events.ReplicaSetScaled;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.TaskHealthChanged;
import io.flotilla.sim.events.TaskObserved;
import io.flotilla.sim.events.TaskSecrets;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TaskUnallocated;
import io.flotilla.sim.events.TaskUnplaced;
import io.flotilla.sim.events.TaskWaiting;
import io.flotilla.sim.events.TrafficCounted;
import io.flotilla.sim.events.UpdateStatusChanged;
import io.flotilla.sim.events.VolumeAttached;
import io.flotilla.sim.events.VolumeBackedUp;
import io.flotilla.sim.events.VolumeCreated;
import io.flotilla.sim.events.VolumeDeleted;
import io.flotilla.sim.events.VolumeDetached;
import io.flotilla.sim.events.VolumeLost;
import io.flotilla.sim.events.VolumeOperation;
import io.flotilla.sim.events.VolumeProvisioned;
import io.flotilla.sim.events.VolumeRefused;
import io.flotilla.sim.events.VolumeReplica;
import io.flotilla.sim.events.VolumeRestored;
import io.flotilla.sim.events.WorkloadFailedCreate;
import io.flotilla.sim.events.ZoneStateChanged;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.LoggedEvent;
import io.flotilla.sim.view.ClusterView;
import io.flotilla.sim.view.TaskView;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The human timeline: one line per change, in fixed columns (time, subject, what, where,
 * details), the manager's view marked {@code [manager]}; the data plane's changes per node grouped
 * when many nodes change alike at one instant ({@link DataPlaneChanges}), and traffic told every 10
 * seconds while requests fail ({@link TrafficProgress}); then a summary with every expectation.
 */
public final class HumanReport {

    private HumanReport() {}

    public static void print(RunResult run, List<ExpectationResult> expectations, PrintWriter out) {
        print(run, expectations, out, Palette.PLAIN);
    }

    /** The report, coloured by {@code palette}. */
    public static void print(RunResult run, List<ExpectationResult> expectations, PrintWriter out, Palette palette) {
        out.printf("scenario %s  strategy %s  seed %d  until %s%n%n", run.scenario().name(),
                run.strategy().name().toLowerCase(Locale.ROOT), run.seed(), Durations.format(run.end()));
        ClusterView view = Views.initial(run.scenario());
        BeliefNotes beliefs = new BeliefNotes(run.log().events());
        TrafficProgress traffic = new TrafficProgress();
        DataPlaneChanges instant = new DataPlaneChanges();
        ArchitecturePath path = new ArchitecturePath(run.scenario(), run.strategy());
        List<LoggedEvent> events = run.log().events();
        for (int i = 0; i < events.size(); i++) {
            LoggedEvent logged = events.get(i);
            Event event = logged.event();
            if (event instanceof DnsAnswersChanged e) {
                instant.dns(e, view.dnsLogged(e.node(), e.network(), e.name()), view);
            } else if (event instanceof LbBackendChanged e) {
                instant.lb(e, Optional.ofNullable(view.backends(e.node(), e.network(), e.service()).get(e.task())), view);
            }
            view.apply(logged);
            path.before(logged, taskName(event, view)).forEach(instant::line);
            beliefs.seen(logged);
            if (event instanceof TrafficCounted e) {
                traffic.window(e, logged.time()).forEach(instant::line);
            }
            String line = line(logged, view, beliefs);
            if (line != null) {
                instant.line(line);
            }
            if (i + 1 == events.size() || events.get(i + 1).time() != logged.time()) {
                print(logged.time(), instant.lines(), out, palette);
                instant = new DataPlaneChanges();
            }
        }
        print(run.end(), traffic.finish(run.end()), out, palette);
        out.println();
        summary(run, expectations, view, out, palette);
        out.flush();
    }

    /**
     * Times print to the millisecond: gossip's timers run on nanoseconds that no reader needs. A
     * line holds names from the scenario; {@link Printable} keeps each change on one line.
     */
    private static void print(long time, List<String> lines, PrintWriter out, Palette palette) {
        String at = Durations.format(time - Math.floorMod(time, Durations.MILLISECOND));
        lines.forEach(line -> out.printf("%10s  %s%n", at, palette.timeline(Printable.visible(line))));
    }

    private static String line(LoggedEvent logged, ClusterView view, BeliefNotes beliefs) {
        Event event = logged.event();
        if (event instanceof TaskStateChanged e) {
            TaskView t = view.task(e.task()).orElse(null);
            return row(nameOf(e.task()), e.state().lowerName(), e.node(), e.error() != null ? e.error() : e.message())
                    + (t == null ? "" : slotOfNew(e, t) + beliefs.onStop(e, t));
        } else if (event instanceof TaskDesired e) {
            return row(nameOf(e.task()), "-> " + e.desired().lowerName(), "[manager]", e.reason())
                    + view.task(e.task()).map(t -> beliefs.onDesired(e, t)).orElse("");
        } else if (event instanceof TaskObserved e) {
            return view.task(e.task()).flatMap(t -> beliefs.closesGap(e, t, logged.time()))
                    .map(state -> row(nameOf(e.task()), "reported " + state, "[manager]", e.message()))
                    .orElse(null);
        } else if (event instanceof TaskUnplaced e) {
            return row(nameOf(e.task()), "unplaced", "[manager]", e.error());
        } else if (event instanceof TaskUnallocated e) {
            return row(nameOf(e.task()), "unallocated", "[manager]", e.error());
        } else if (event instanceof NodeCrashed e) {
            return row(e.node(), "crashed", "", "the node stops dead");
        } else if (event instanceof NodeBooted e) {
            return row(e.node(), "booted", "", "empty, registers again");
        } else if (event instanceof NodeStatusChanged e) {
            return row(e.node(), lower(e.status()), "[manager]", e.message());
        } else if (event instanceof NodeAvailabilityChanged e) {
            return row(e.node(), lower(e.availability()), "[manager]", "availability");
        } else if (event instanceof ServiceChanged e) {
            return row(e.service(), e.change(), "[manager]",
                    "version " + e.version() + ", " + e.replicas() + " replicas, " + e.image());
        } else if (event instanceof UpdateStatusChanged e) {
            return row(e.service(), e.state(), "[manager]", e.message());
        } else if (event instanceof LeaderChanged e) {
            return row("managers", e.state(), e.leader(), e.managersUp() + "/" + e.managers() + " up; " + e.message());
        } else if (event instanceof NetworkChanged e && e.change().equals("link_down")) {
            return row("network", e.change(), "", String.join(" x ", e.groups().get(0)) + ": nothing passes between them");
        } else if (event instanceof NetworkChanged e && e.change().equals("link_up")) {
            return row("network", e.change(), "", String.join(" <-> ", e.groups().get(0)) + ": linked again");
        } else if (event instanceof NetworkChanged e) {
            return row("network", e.change(), "", e.groups().toString());
        } else if (event instanceof NetworkCreated e) {
            return row(e.network(), "created", "[manager]", e.driver() + (e.vni() > 0 ? " VXLAN " + e.vni() : "")
                    + (e.subnet().isEmpty() ? "" : ", " + e.subnet()) + ", MTU " + e.mtu() + (e.encrypted() ? ", encrypted (IPsec)" : ""));
        } else if (event instanceof FirewallChanged e) {
            return row(e.node(), "firewall", "", (e.action().equals("drop") ? "drops inbound " : "lets in again ")
                    + String.join(", ", e.rules()));
        } else if (event instanceof ActionIgnored e) {
            return "ignored: " + e.action() + " " + e.target() + ": " + e.reason();
        } else if (event instanceof CommandRejected e) {
            return row(e.command(), "rejected", "[manager]", e.error());
        } else if (event instanceof NodeTaintChanged e) {
            return row(e.node(), e.added() ? "tainted" : "untainted", "[manager]", e.taint() + " (" + e.reason() + ")");
        } else if (event instanceof PodEvicted e) {
            return row(nameOf(e.task()), "evicted", "[manager]", e.reason() + ": " + e.message());
        } else if (event instanceof ContainerCommanded e) {
            return row(nameOf(e.task()), "docker " + e.command(), e.node(), e.detail());
        } else if (event instanceof ContainerOomKilled e) {
            return row(nameOf(e.task()), "oom-killed", e.node(), "uses " + Bytes.format(e.usedBytes())
                    + ", past its memory limit of " + Bytes.format(e.limitBytes()));
        } else if (event instanceof ContainerBackOff e) {
            return row(nameOf(e.task()), "back-off", e.node(), e.message());
        } else if (event instanceof ReplicaSetScaled e) {
            return row(e.service(), "scaled", "[manager]", e.message());
        } else if (event instanceof TaskHealthChanged e) {
            return row(nameOf(e.task()), "health " + e.status(), e.node(), e.failingStreak() == 0 ? ""
                    : e.failingStreak() + (e.failingStreak() == 1 ? " failed check" : " failed checks in a row"));
        } else if (event instanceof PodForceDeleted e) {
            return row(nameOf(e.task()), "force deleted", "[manager]", e.by() + ": " + e.message());
        } else if (event instanceof ClaimChanged e) {
            return row(e.claim(), "claim " + e.change(), "[manager]", claimDetail(e));
        } else if (event instanceof VolumeProvisioned e) {
            return row(e.claim(), "provisioned", e.node() == null ? "[manager]" : e.node(), e.volume() + " (" + e.storageClass()
                    + ", " + e.binding() + ", " + e.topology() + ")");
        } else if (event instanceof VolumeOperation e) {
            return row(e.claim(), e.operation().replace('_', ' '), e.node(), e.message());
        } else if (event instanceof VolumeCreated e) {
            return row(e.volume(), "created", e.on(), e.driver() + (e.on() == null ? " volume, empty, on network storage"
                    : " volume, empty, on " + e.on() + "'s disk"));
        } else if (event instanceof VolumeAttached e) {
            return row(e.volume(), "attached", e.node(), e.on() == null ? "" : "in use on its node");
        } else if (event instanceof VolumeDetached e) {
            return row(e.volume(), "detached", e.node(), e.on() == null ? "" : "its data waits on " + e.on());
        } else if (event instanceof VolumeLost e) {
            return row(e.volume(), "lost", e.on(), "its node is down: its data is out of reach");
        } else if (event instanceof VolumeBackedUp e) {
            return row(e.volume(), "backed up", e.on(), "snapshot '" + e.backup() + "'");
        } else if (event instanceof VolumeRestored e) {
            return row(e.volume(), "restored", e.on(), "from '" + e.backup() + "' taken at " + Durations.format(e.taken().toNanos())
                    + ": the writes since are gone");
        } else if (event instanceof VolumeDeleted e) {
            return row(e.volume(), "deleted", e.on(), "with its data");
        } else if (event instanceof VolumeReplica e) {
            return row(e.volume(), "replication", e.on(), replicaDetail(e));
        } else if (event instanceof VolumeRefused e) {
            return row(e.target(), e.action() + " refused", "", e.reason());
        } else if (event instanceof ImagePullStarted e) {
            return row(e.node(), "pulling", e.registry(), e.image() + ": " + e.layers() + " layers, " + e.present()
                    + " already present" + (e.waiting() > 0 ? ", " + e.waiting() + " on their way" : "") + ", "
                    + ByteSizes.format(e.fetchBytes()) + " to fetch");
        } else if (event instanceof ImagePulled e) {
            return row(e.node(), "pulled", "", e.image() + " in " + Durations.format(e.tookNanos()));
        } else if (event instanceof ImagePullFailed e) {
            return row(e.node(), "pull failed", e.registry(), e.image() + ": " + e.error()
                    + (e.usingLocal() ? "; runs the image it has" : ""));
        } else if (event instanceof RegistryStateChanged e) {
            return row("registry " + e.registry(), e.up() ? "up" : "down", "", e.up() ? "answers pulls again" : "every pull from it fails");
        } else if (event instanceof TaskWaiting e) {
            return row(nameOf(e.task()), "waiting", e.node(), e.reason() + ": " + e.message());
        } else if (event instanceof TaskSecrets e) {
            return row(nameOf(e.task()), "secrets", "", granted(e));
        } else if (event instanceof WorkloadFailedCreate e) {
            return row(e.object(), "FailedCreate", "[manager]", failedCreate(e));
        } else if (event instanceof ZoneStateChanged e) {
            return row("zone " + (e.zone().isEmpty() ? "\"\"" : e.zone()), e.state(), "[manager]",
                    "NoExecute tainting at " + e.evictionRate() + " nodes/s");
        }
        return null;
    }

    /** A claim's line: its size and class when made, its volume when bound, why when it goes. */
    private static String claimDetail(ClaimChanged e) {
        return switch (e.change()) {
            case "create" -> size(e.sizeBytes()) + " of " + e.storageClass()
                    + (e.owner() == null ? "" : ", deleted with " + e.owner());
            case "bound" -> "bound to " + e.volume();
            default -> e.message();
        };
    }

    /** A size in the largest binary unit that divides it: {@code 10Gi}, {@code 512Mi}. */
    static String size(long bytes) {
        String[] units = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (units.length - i));
            if (bytes >= unit && bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return bytes + "B";
    }

    /** The slot name of the task an event is about, for the architecture path. */
    private static String taskName(Event event, ClusterView view) {
        return event instanceof TaskStateChanged e ? view.task(e.task()).map(t -> t.name).orElse(nameOf(e.task())) : "";
    }

    /** {@code db_password_v2 at /run/secrets/db_password; config nginx_conf at /etc/nginx/nginx.conf}. */
    private static String granted(TaskSecrets e) {
        List<String> parts = new ArrayList<>();
        e.secrets().forEach(f -> parts.add(f.name() + " at " + f.target()));
        e.configs().forEach(f -> parts.add("config " + f.name() + " at " + f.target()));
        return String.join("; ", parts);
    }

    /**
     * The first refusal in full; each retry after the back-off shortly, with how many in a row
     * (upstream's event recorder folds the repeats into one event with a count).
     */
    private static String failedCreate(WorkloadFailedCreate e) {
        if (e.count() == 1) {
            return e.message();
        }
        int forbidden = e.message().indexOf(" is forbidden");
        String brief = forbidden < 0 ? e.message() : e.message().substring(0, forbidden + " is forbidden".length());
        return "x" + e.count() + ", after its back-off: " + brief;
    }

    /** A pod's line shows its name; its first line also its slot, the name expectations use. */
    private static String slotOfNew(TaskStateChanged e, TaskView t) {
        return e.state() == TaskState.NEW && !t.name.equals(nameOf(e.task())) ? "  (slot " + t.name + ")" : "";
    }

    /** The node's images and what their layers take on its disk, when the scenario describes images by their layers. */
    private static String disk(RunResult run, java.util.Collection<String> images) {
        return ", " + images.size() + (images.size() == 1 ? " image, " : " images, ")
                + ByteSizes.format(JsonResult.diskBytes(run, images)) + " on disk";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** A Swarm task's id is its slot's name and a generation ({@code web.3#2}); a pod's id is its name. */
    private static String nameOf(String id) {
        int hash = id.lastIndexOf('#');
        return hash > 0 ? id.substring(0, hash) : id;
    }

    private static String row(String subject, String what, String where, String detail) {
        return String.format("%-22s %-18s %-14s %s", subject, what, where == null ? "" : where, detail == null ? "" : detail).stripTrailing();
    }

    private static void summary(RunResult run, List<ExpectationResult> expectations, ClusterView view, PrintWriter out,
            Palette palette) {
        // Under kubernetes a Terminating pod is neither running nor not running for its slot: it is counted apart.
        boolean kubernetes = run.strategy() == Strategy.KUBERNETES;
        Map<String, int[]> perService = new TreeMap<>();
        for (TaskView t : LiveSlots.newestTasks(run, view)) {
            int[] c = perService.computeIfAbsent(t.service, s -> new int[3]);
            if (!(kubernetes && t.isTerminating())) {
                c[t.isRunning() ? 0 : 1]++;
            }
        }
        if (kubernetes) {
            perService.forEach((s, c) -> c[2] = view.terminating(s).size());
        }
        // A workload whose pods were all refused has no task, but it is there, and why it runs nothing is said.
        view.failedCreates().keySet().forEach(s -> perService.computeIfAbsent(s, k -> new int[3]));
        out.println("at " + Durations.format(run.end()) + ":");
        perService.forEach((s, c) -> {
            out.printf("  %-20s %d running, %d not running%s%n", s, c[0], c[1], kubernetes ? ", " + c[2] + " terminating" : "");
            ClusterView.FailedCreates f = view.failedCreates().get(s);
            if (f != null) {
                out.printf("  %-20s FailedCreate x%d (%s to %s): %s%n", "", f.count(), Durations.format(f.first()),
                        Durations.format(f.last()), f.latest().message());
            }
        });
        boolean layered = run.scenario().images().values().stream().anyMatch(ImageDecl::layered);
        view.nodes().forEach(n -> out.printf("  %-20s %s (%s)%s%s%n", n.name, n.state(),
                n.availability().name().toLowerCase(Locale.ROOT),
                n.state().equals(n.believed()) ? "" : ", manager believes " + n.believed(),
                layered && !n.images().isEmpty() ? disk(run, n.images()) : ""));
        if (!expectations.isEmpty()) {
            out.println();
            out.println("expectations:");
            for (ExpectationResult e : expectations) {
                out.printf("  %s line %d  %-9s at %-8s %s%n", palette.verdict(e.passed()), e.line(), e.check(),
                        Durations.format(e.at()), Printable.visible(e.detail()));
            }
            long failed = expectations.stream().filter(e -> !e.passed()).count();
            out.println(failed == 0 ? "all " + expectations.size() + " expectations held" : failed + " of " + expectations.size() + " expectations failed");
        }
    }

    /** A replication stream that started (with its base backup) or stopped (with what it keeps). */
    private static String replicaDetail(VolumeReplica e) {
        String held = e.holds().equals("none") ? "none of " + e.of() + "'s writes"
                : e.of() + "'s writes through " + Durations.format(e.through().toNanos());
        return e.stream().equals("streaming")
                ? "streaming from " + e.of() + ", " + Durations.format(e.lag().toNanos()) + " behind; base backup: " + held
                : "stopped, " + held;
    }
}
