package io.flotilla.sim.cluster;

import io.flotilla.scheduler.image.Layer;
import io.flotilla.scheduler.image.PullPlan;
import io.flotilla.scheduler.image.Registry;
import io.flotilla.scheduler.storage.NodeDisk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One node's image store: the layers and images on its disk, and the pulls on their way. A layer
 * or an image is on the disk once the pull that brings it has ended ({@code readyAt} at or before
 * now), so a finished pull needs no message to land; a pull that fails, or that a crash cuts short,
 * takes back what it would have brought. The disk survives a crash; pulls do not.
 *
 * <p>A pull of an image that is already being pulled joins that pull. A pull that needs a layer
 * another pull is fetching waits for it (moby's transfer manager gives one download to every pull
 * that wants the layer) and ends no earlier; if that pull fails, so does this one. Plain state, no
 * actor: the {@link NodeAgent} owns it and keeps the timers.
 *
 * <p>The layers take their room on the node's {@link NodeDisk}, which its containers' own layers and
 * its local volumes share: each layer once, however many images list it, from the moment a pull
 * starts fetching it; a pull that fails or that a crash cuts short gives its layers' room back.
 */
final class NodeImages {

    /** A pull on its way: what it brings, when it ends, and whether it is bound to fail (its registry is down). */
    static final class Pull {
        final long id;
        final Image image;
        final long startedAt;
        final long endsAt;
        final boolean failing;
        final List<String> fetched;
        /** Pulls this one waits for, for layers they fetch. */
        final List<Pull> waitsFor;
        /** Task ids of the containers waiting for this pull, in the order they came. */
        final List<String> waiters = new ArrayList<>(1);

        Pull(long id, Image image, long startedAt, long endsAt, boolean failing, List<String> fetched, List<Pull> waitsFor) {
            this.id = id;
            this.image = image;
            this.startedAt = startedAt;
            this.endsAt = endsAt;
            this.failing = failing;
            this.fetched = List.copyOf(fetched);
            this.waitsFor = waitsFor;
        }
    }

    /** The key a layer's bytes take on the disk. */
    static final String LAYER = "layer:";

    private final NodeDisk disk;
    private final Map<String, Long> layerReadyAt = new HashMap<>();
    private final Map<String, Long> imageReadyAt = new HashMap<>();
    private final Map<String, Pull> layerPull = new HashMap<>();
    private final Map<String, Pull> imagePull = new HashMap<>();
    private final Map<Long, Pull> pulls = new LinkedHashMap<>();
    /**
     * The pulls in {@link #pulls} that end well, earliest end first, so that a start forgets those
     * that have ended without walking every pull on the node (a node given twenty images at once
     * pulls them side by side). A pull taken back is skipped when it comes up.
     */
    private final PriorityQueue<Pull> ending = new PriorityQueue<>(Comparator.comparingLong((Pull p) -> p.endsAt));
    private long lastPull;

    NodeImages(NodeDisk disk) {
        this.disk = disk;
    }

    /** The bytes a pull of {@code image} would add to the disk: its layers neither there nor on their way. */
    long missingBytes(Image image) {
        Set<String> seen = new HashSet<>();
        long bytes = 0;
        for (Layer l : image.layers()) {
            if (!layerReadyAt.containsKey(l.digest()) && seen.add(l.digest())) {
                bytes += l.sizeBytes();
            }
        }
        return bytes;
    }

    /** Whether the image is on the disk at {@code now} (its pull has ended). */
    boolean has(String image, long now) {
        Long at = imageReadyAt.get(image);
        return at != null && at <= now;
    }

    /** The pull bringing {@code image} right now, if one is on its way. */
    Optional<Pull> pulling(String image, long now) {
        Pull p = imagePull.get(image);
        return p != null && p.endsAt > now || p != null && p.failing ? Optional.of(p) : Optional.empty();
    }

    /**
     * Starts a pull of {@code image} at {@code now} from a registry that is {@code registryUp} or
     * not, for a node that pulls at {@code nodeBytesPerSecond}. A registry that is down fails the
     * pull after its latency, and the pull brings nothing.
     */
    Pull start(Image image, boolean registryUp, long nodeBytesPerSecond, long now, PlanSink plans) {
        Registry registry = image.registry();
        while (!ending.isEmpty() && ending.peek().endsAt <= now) {
            Pull ended = ending.poll();
            if (pulls.remove(ended.id, ended)) {
                forget(ended);
            }
        }
        long id = ++lastPull;
        if (!registryUp) {
            Pull p = new Pull(id, image, now, now + registry.latencyNanos(), true, List.of(), List.of());
            pulls.put(id, p);
            imagePull.put(image.name(), p);
            return p;
        }
        PullPlan plan = PullPlan.of(image.layers(), registry, nodeBytesPerSecond,
                d -> readyBy(layerReadyAt, d, now), d -> layerPull.containsKey(d) && layerPull.get(d).endsAt > now);
        long endsAt = now + plan.nanos();
        List<Pull> waitsFor = new ArrayList<>(plan.inFlight().size());
        for (Layer l : plan.inFlight()) {
            Pull other = layerPull.get(l.digest());
            if (!waitsFor.contains(other)) {
                waitsFor.add(other);
            }
            endsAt = Math.max(endsAt, other.endsAt);
        }
        List<String> fetched = new ArrayList<>(plan.fetched().size());
        for (Layer l : plan.fetched()) {
            fetched.add(l.digest());
            disk.take(LAYER + l.digest(), l.sizeBytes());
        }
        Pull p = new Pull(id, image, now, endsAt, false, fetched, waitsFor);
        pulls.put(id, p);
        ending.add(p);
        imagePull.put(image.name(), p);
        imageReadyAt.merge(image.name(), endsAt, Math::min); // an image pulled again (always) is there meanwhile
        for (String d : fetched) {
            layerReadyAt.put(d, endsAt);
            layerPull.put(d, p);
        }
        plans.planned(p, plan);
        return p;
    }

    /** What a pull about to start does, for the log. */
    interface PlanSink {
        void planned(Pull pull, PullPlan plan);
    }

    /** A pull that ended well: its image and layers stay on the disk; it is no longer on its way. */
    private void forget(Pull p) {
        imagePull.remove(p.image.name(), p);
        p.fetched.forEach(d -> layerPull.remove(d, p));
    }

    /**
     * Fails {@code failed} and every pull that waits for it, in the order they started: each takes
     * back what it would have brought. Returns them all, {@code failed} first.
     */
    List<Pull> fail(Pull failed) {
        List<Pull> out = new ArrayList<>();
        Set<Pull> seen = new HashSet<>();
        List<Pull> queue = new ArrayList<>(List.of(failed));
        while (!queue.isEmpty()) {
            Pull p = queue.remove(0);
            if (!seen.add(p)) {
                continue;
            }
            out.add(p);
            takeBack(p);
            for (Pull other : List.copyOf(pulls.values())) {
                if (other.waitsFor.contains(p)) {
                    queue.add(other);
                }
            }
        }
        return out;
    }

    /** The pulls from {@code registry} on their way at {@code now}: what a registry going down fails. */
    List<Pull> inFlightFrom(String registry, long now) {
        return pulls.values().stream()
                .filter(p -> !p.failing && p.endsAt > now && p.image.registry().name().equals(registry))
                .toList();
    }

    /** The node crashed: every pull on its way is lost with what it would have brought; the disk stays. */
    void crashed(long now) {
        pulls.clear();
        ending.clear();
        imagePull.clear();
        layerPull.clear();
        imageReadyAt.values().removeIf(at -> at > now);
        layerReadyAt.entrySet().removeIf(e -> {
            boolean lost = e.getValue() > now;
            if (lost) {
                disk.free(LAYER + e.getKey());
            }
            return lost;
        });
    }

    /** The images on the disk at {@code now}, by name. */
    Set<String> images(long now) {
        Set<String> out = new java.util.TreeSet<>();
        imageReadyAt.forEach((name, at) -> {
            if (at <= now) {
                out.add(name);
            }
        });
        return out;
    }

    Optional<Pull> pull(long id) {
        return Optional.ofNullable(pulls.get(id));
    }

    private void takeBack(Pull p) {
        pulls.remove(p.id);
        imagePull.remove(p.image.name(), p);
        if (!p.failing) {
            imageReadyAt.remove(p.image.name(), p.endsAt);
        }
        for (String d : p.fetched) {
            layerPull.remove(d, p);
            if (layerReadyAt.remove(d, p.endsAt)) {
                disk.free(LAYER + d);
            }
        }
    }

    private static boolean readyBy(Map<String, Long> readyAt, String key, long now) {
        Long at = readyAt.get(key);
        return at != null && at <= now;
    }
}
