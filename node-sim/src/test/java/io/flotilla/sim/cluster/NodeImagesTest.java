package io.flotilla.sim.cluster;

import static io.flotilla.scheduler.time.Durations.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scheduler.storage.NodeDisk;
import io.flotilla.scheduler.storage.StorageDriver;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The pulls a node's image store keeps: those on their way, until a later start finds them ended. */
class NodeImagesTest {

    private static final long MB_PER_SECOND = 1_000_000;
    private static final NodeImages.PlanSink NO_LOG = (pull, plan) -> {};

    private final NodeImages images = new NodeImages(new NodeDisk(OptionalLong.empty(), StorageDriver.OVERLAY2));

    @Test
    void aStartForgetsThePullsThatEndedAndKeepsThoseOnTheirWay() {
        NodeImages.Pull quick = start("quick:1", 1, 0);
        NodeImages.Pull slow = start("slow:1", 50, 0);
        assertTrue(quick.endsAt <= 2 * SECOND && slow.endsAt > 2 * SECOND, "the pulls' ends straddle 2s");

        start("later:1", 1, 2 * SECOND);

        assertEquals(Optional.empty(), images.pull(quick.id));
        assertEquals(Optional.of(slow), images.pull(slow.id));
        assertTrue(images.has("quick:1", 2 * SECOND), "what an ended pull brought stays on the disk");
    }

    @Test
    void aSecondPullAfterOneTakenBackIsForgottenAtItsEnd() {
        NodeImages.Pull failed = start("flaky:1", 1, 0);
        assertEquals(List.of(failed), images.fail(failed));
        NodeImages.Pull again = start("flaky:1", 1, SECOND / 2);

        start("later:1", 1, again.endsAt);

        assertEquals(Optional.empty(), images.pull(again.id));
        assertTrue(images.has("flaky:1", again.endsAt), "the second pull of the image brought it");
    }

    @Test
    void aCrashLosesEveryPullOnItsWay() {
        NodeImages.Pull lost = start("slow:1", 50, 0);
        images.crashed(SECOND);

        NodeImages.Pull next = start("later:1", 1, lost.endsAt + SECOND);

        assertEquals(Optional.empty(), images.pull(lost.id));
        assertEquals(Optional.of(next), images.pull(next.id));
        assertTrue(!images.has("slow:1", lost.endsAt), "a pull the crash cut short brought nothing");
    }

    /** A pull of a one-layer image of {@code megabytes} at 1 MB/s, started at {@code now}. */
    private NodeImages.Pull start(String name, long megabytes, long now) {
        Image image = new Image(name, megabytes * MB_PER_SECOND, 0, OptionalLong.empty());
        return images.start(image, true, MB_PER_SECOND, now, NO_LOG);
    }
}
