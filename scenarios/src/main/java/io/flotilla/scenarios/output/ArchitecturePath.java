package io.flotilla.scenarios.output;

import io.flotilla.scenarios.model.Action;
import io.flotilla.scenarios.model.ByteSizes;
import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.model.StatefulSetDecl;
import io.flotilla.scenarios.model.Strategy;
import io.flotilla.scenarios.model.TimelineItem;
import io.flotilla.scenarios.views.ImagePulls;
import io.flotilla.scheduler.model.ServiceMode;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.ServiceChanged;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.LoggedEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The path one {@code docker service create} (or {@code kubectl apply}) takes, told beside the
 * timeline so that the parts of the architecture show: the client asks the manager (the API
 * server), the manager hands each task to a node, the node gets the image from its registry (or
 * finds it on its disk), then starts the container. The first {@link #TRACED} tasks of each
 * service version are followed; one line says that the others take the same path.
 */
final class ArchitecturePath {

    /** Tasks followed per service and version; the rest are summed up. */
    static final int TRACED = 3;

    private final Scenario scenario;
    private final boolean kubernetes;
    /** Traced task ids, and the service version each belongs to. */
    private final Map<String, String> traced = new HashMap<>();
    private final Map<String, Integer> tracedPerVersion = new HashMap<>();
    private final Set<String> summarised = new HashSet<>();
    private final Map<String, String> versionOf = new HashMap<>();
    /** The Kubernetes kind each workload is deployed as, by name: deployment unless said here. */
    private final Map<String, String> kinds = new HashMap<>();
    private final ImagePulls imagePulls;
    private final Map<String, String> images = new HashMap<>();

    ArchitecturePath(Scenario scenario, Strategy strategy) {
        this.scenario = scenario;
        this.kubernetes = strategy == Strategy.KUBERNETES;
        this.imagePulls = new ImagePulls(scenario);
        noteKinds(scenario.services(), scenario.statefulsets());
        for (TimelineItem item : scenario.timeline()) {
            if (item.action() instanceof Action.Deploy d) {
                noteKinds(d.services(), d.statefulsets());
            }
        }
    }

    private void noteKinds(List<ServiceSpec> services, List<StatefulSetDecl> statefulsets) {
        services.stream().filter(s -> s.mode() == ServiceMode.GLOBAL).forEach(s -> kinds.put(s.name(), "daemonset"));
        statefulsets.forEach(s -> kinds.put(s.name(), "statefulset"));
    }

    /** The path's lines that come just before {@code logged}'s own line. */
    List<String> before(LoggedEvent logged, String taskName) {
        Event event = logged.event();
        imagePulls.apply(logged);
        if (event instanceof ServiceChanged e && (e.change().equals("create") || e.change().equals("update"))) {
            return List.of(row(kubernetes ? "client -> api server" : "client -> manager",
                    kubernetes ? (e.change().equals("create") ? "kubectl apply" : "kubectl set image")
                            : "docker service " + e.change(),
                    (kubernetes ? kinds.getOrDefault(e.service(), "deployment") + " " : "") + e.service() + ": " + e.replicas() + " replicas of " + e.image()));
        }
        if (event instanceof TaskCreated e) {
            String version = e.service() + "@" + e.version();
            versionOf.put(e.task(), version);
            images.put(e.task(), e.image());
            int count = tracedPerVersion.merge(version, 1, Integer::sum);
            if (count <= TRACED) {
                traced.put(e.task(), version);
            }
            return List.of();
        }
        if (!(event instanceof TaskStateChanged e)) {
            return List.of();
        }
        if (!traced.containsKey(e.task())) {
            String version = versionOf.get(e.task());
            if (e.state() == TaskState.ASSIGNED && version != null && summarised.add(version)) {
                return List.of(row(kubernetes ? "api server -> nodes" : "manager -> nodes", "", "the other tasks of "
                        + version.substring(0, version.indexOf('@')) + " take the same path"));
            }
            return List.of();
        }
        if (e.state() == TaskState.ASSIGNED) {
            return List.of(row((kubernetes ? "api server -> " : "manager -> ") + e.node(),
                    kubernetes ? "pod bound" : "task assigned", kubernetes ? e.task() + " (slot " + taskName + ")" : taskName));
        }
        if (e.state() == TaskState.READY) {
            return imagePulls.prepared(e.task(), e.node(), imageOf(e.task()), logged.time())
                    .map(pull -> List.of(imageLine(e, pull, taskName))).orElse(List.of());
        }
        return List.of();
    }

    /**
     * Where the task's image came from: its registry, or the node's own disk; how long the pull that
     * brought it took, and, for a pod whose pulls failed or were held back, how long after its first
     * attempt that pull began; then the container's creation, the storage driver's part (vfs: a copy
     * of the image).
     */
    private String imageLine(TaskStateChanged e, ImagePulls.Pull pull, String taskName) {
        String image = imageOf(e.task());
        ImageDecl decl = scenario.image(image);
        String registry = decl.registry().name();
        long create = imagePulls.createNanos(e.node(), image);
        String created = create == 0 ? "" : ", then " + Durations.format(create) + " to create the container ("
                + "vfs copies the image into it)";
        if (pull.onDisk()) {
            return row(e.node(), "image on disk", image + " is already on " + e.node() + " for " + taskName + created);
        }
        // A pull of a layered image has its own lines; one of an image given by its size has only this one.
        String what = imagePulls.loggedLayers(e.node(), image) ? "" : " (1 layer, " + ByteSizes.format(decl.sizeBytes()) + ")";
        String waited = pull.waitedBefore() == 0 ? ""
                : ", a pull begun " + Durations.format(pull.waitedBefore()) + " after the first attempt";
        return row(registry + " -> " + e.node(), "image pulled", image + " ready after " + Durations.format(pull.took()) + what
                + waited + created);
    }

    private String imageOf(String task) {
        return images.getOrDefault(task, "");
    }

    private static String row(String subject, String what, String detail) {
        return String.format("%-22s %-18s %-14s %s", subject, what, "", detail).stripTrailing();
    }
}
