package io.flotilla.sim.events;

import io.flotilla.sim.kernel.Event;
import java.util.List;

/**
 * Truth: a node starts pulling an image described by its layers from {@code registry}:
 * {@code layers} digests in all, {@code present} of them already on its disk (moby's {@code Already
 * exists}), {@code waiting} being fetched by another pull it waits for, and {@code fetchBytes} to
 * fetch. {@code fetched} are the digests this pull brings. An image given by its size alone is one
 * blob of its own, and its pulls show only in its tasks' {@code preparing} and {@code prepared}.
 */
public record ImagePullStarted(String node, String image, String registry, int layers, int present, int waiting,
        long fetchBytes, List<String> fetched) implements Event {

    public ImagePullStarted {
        fetched = List.copyOf(fetched);
    }

    @Override
    public String type() {
        return "image.pull";
    }
}
