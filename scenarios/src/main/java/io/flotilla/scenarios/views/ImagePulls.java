package io.flotilla.scenarios.views;

import io.flotilla.scenarios.model.ImageDecl;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scheduler.image.PullPlan;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.ImagePullStarted;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.TaskWaiting;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.LoggedEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When each task asked for its image and when the pull that brought it ended, read from the run's
 * log in order, for the timeline's image line and the kubelet's pull events. A task asks for its
 * image when it starts preparing; the pull ends as long before {@code prepared} as its node's
 * storage driver takes to create the container. A pod that waited (its pulls failed, or were held
 * back) asks again at syncs the log does not hold, so the pull that brought its image is dated
 * back from its end: to its logged start for an image described by its layers, else by what one
 * pull of the image takes ({@link PullPlan}, as the simulator times it).
 */
public final class ImagePulls {

    /**
     * How a task got its image: first asked for at {@code firstAsked}; the pull that brought it asked
     * for at {@code asked} and done at {@code done} (all three equal: the image was on the disk).
     */
    public record Pull(long firstAsked, long asked, long done) {

        /** How long the pull that brought the image took. */
        public long took() {
            return done - asked;
        }

        /** How long the task waited, through failed or held-back pulls, before the pull that brought its image. */
        public long waitedBefore() {
            return asked - firstAsked;
        }

        public boolean onDisk() {
            return done == firstAsked;
        }
    }

    private final Scenario scenario;
    private final Map<String, Long> preparingAt = new HashMap<>();
    /** Tasks that waited for their image since they started preparing. */
    private final Set<String> waited = new HashSet<>();
    /** The start of the newest logged pull of each image on each node, keyed {@code node|image}. */
    private final Map<String, Long> layeredPullAt = new HashMap<>();

    public ImagePulls(Scenario scenario) {
        this.scenario = scenario;
    }

    /** Takes in the log's next event. */
    public void apply(LoggedEvent logged) {
        Event event = logged.event();
        if (event instanceof TaskStateChanged e && e.state() == TaskState.PREPARING) {
            preparingAt.put(e.task(), logged.time());
            waited.remove(e.task());
        } else if (event instanceof TaskWaiting e) {
            waited.add(e.task());
        } else if (event instanceof ImagePullStarted e) {
            layeredPullAt.put(e.node() + "|" + e.image(), logged.time());
        }
    }

    /**
     * When the pull that failed at {@code failedAt} was asked for: the first when the task started
     * preparing; a later one its registry's latency before, as a registry that is down answers.
     */
    public long failedPullAsked(String task, String image, long failedAt) {
        long first = preparingAt.getOrDefault(task, failedAt);
        return waited.contains(task) ? Math.max(first, failedAt - scenario.image(image).registry().latencyNanos()) : first;
    }

    /** How the task prepared {@code readyAt} on {@code node} got {@code image}; empty if it was not seen preparing. */
    public Optional<Pull> prepared(String task, String node, String image, long readyAt) {
        Long first = preparingAt.get(task);
        if (first == null) {
            return Optional.empty();
        }
        long done = readyAt - createNanos(node, image);
        if (!waited.contains(task)) {
            return Optional.of(new Pull(first, first, done));
        }
        ImageDecl decl = scenario.image(image);
        long asked = decl.layered() ? layeredPullAt.getOrDefault(node + "|" + image, first)
                : done - PullPlan.of(decl.layers(), decl.registry(), bandwidth(node), d -> false, d -> false).nanos();
        return Optional.of(new Pull(first, Math.max(first, asked), done));
    }

    /** Whether a pull of {@code image} on {@code node} was logged layer by layer (an image described by its layers). */
    public boolean loggedLayers(String node, String image) {
        return layeredPullAt.containsKey(node + "|" + image);
    }

    /** How long {@code node}'s storage driver takes to create a container of {@code image} (vfs: a copy of it). */
    public long createNanos(String node, String image) {
        return decl(node).map(n -> n.storageDriver().createNanos(scenario.image(image).sizeBytes())).orElse(0L);
    }

    private long bandwidth(String node) {
        return decl(node).map(NodeDecl::pullBandwidthBytesPerSecond).orElse(0L);
    }

    private Optional<NodeDecl> decl(String node) {
        return scenario.nodes().stream().filter(n -> n.spec().name().equals(node)).findFirst();
    }
}
