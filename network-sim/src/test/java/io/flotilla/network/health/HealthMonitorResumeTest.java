package io.flotilla.network.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The daemon's health monitor of a container that was paused: moby runs it only while the container
 * runs and is not paused ({@code daemon/health.go updateHealthMonitor}), so a pause drops the probe in
 * flight and an unpause starts a new monitor whose first probe comes an interval later, from the
 * status and failing streak the container had.
 */
class HealthMonitorResumeTest {

    private static final long S = 1_000_000_000L;
    private static final Healthcheck HC = Healthcheck.of(5 * S, 2 * S, 3, 0).hanging();

    @Test
    void aNewMonitorProbesAnIntervalAfterTheUnpauseFromTheStatusItHad() {
        // probes at 5s and 10s pass; the application hangs from 12s and is paused at 13s, before the next probe
        HealthTimeline.Change atPause = HealthTimeline.stateAt(HC, 0, 0, HealthStatus.STARTING, 0, t -> t >= 12 * S, 13 * S);
        assertEquals(new HealthTimeline.Change(10 * S, HealthStatus.HEALTHY, 0), atPause);
        // unpaused at 40s, still hung: probes at 45s, 52s and 59s fail at 47s, 54s and 61s
        assertEquals(List.of(new HealthTimeline.Change(61 * S, HealthStatus.UNHEALTHY, 3)),
                HealthTimeline.resume(HC, 0, 40 * S, atPause.status(), atPause.failingStreak(), t -> true, 100 * S));
    }

    @Test
    void aFailingStreakSurvivesThePause() {
        // hung from 8s: the probe begun at 10s fails at its 2s timeout (streak 1); paused at 13s
        HealthTimeline.Change atPause = HealthTimeline.stateAt(HC, 0, 0, HealthStatus.STARTING, 0, t -> t >= 8 * S, 13 * S);
        assertEquals(new HealthTimeline.Change(12 * S, HealthStatus.HEALTHY, 1), atPause);
        // two more failures after the unpause at 20s: 25s to 27s and 32s to 34s
        assertEquals(List.of(new HealthTimeline.Change(34 * S, HealthStatus.UNHEALTHY, 3)),
                HealthTimeline.resume(HC, 0, 20 * S, atPause.status(), atPause.failingStreak(), t -> true, 100 * S));
    }

    @Test
    void aProbeInFlightAtThePauseIsDropped() {
        // hung from 8s: the probe begun at 10s would fail at 12s, but the pause at 11s stops the monitor
        assertEquals(new HealthTimeline.Change(5 * S, HealthStatus.HEALTHY, 0),
                HealthTimeline.stateAt(HC, 0, 0, HealthStatus.STARTING, 0, t -> t >= 8 * S, 11 * S));
    }

    @Test
    void resumingFromTheStartIsTheSameAsRunning() {
        assertEquals(HealthTimeline.run(HC, 3 * S, t -> t >= 20 * S, 100 * S),
                HealthTimeline.resume(HC, 3 * S, 3 * S, HealthStatus.STARTING, 0, t -> t >= 20 * S, 100 * S));
    }
}
