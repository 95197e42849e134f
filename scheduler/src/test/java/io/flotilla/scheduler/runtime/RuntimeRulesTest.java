package io.flotilla.scheduler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.TaskState;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The container's rules: memory over its running time and the OOM kill, CPU throttling, exits, sizes. */
class RuntimeRulesTest {

    private static final long S = 1_000_000_000L;
    private static final long MIB = 1L << 20;
    private static final MemoryUse LEAK = new MemoryUse(List.of(
            new MemoryUse.Step(60 * S, 300 * MIB), new MemoryUse.Step(0, 100 * MIB), new MemoryUse.Step(30 * S, 200 * MIB)));

    record Oom(String name, MemoryUse use, long limit, OptionalLong after) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Oom> ooms() {
        return Stream.of(
                new Oom("no limit: never", LEAK, 0, OptionalLong.empty()),
                new Oom("a step past the limit: at that step", LEAK, 256 * MIB, OptionalLong.of(60 * S)),
                new Oom("the first step past it", LEAK, 150 * MIB, OptionalLong.of(30 * S)),
                new Oom("exactly the limit is not past it", LEAK, 300 * MIB, OptionalLong.empty()),
                new Oom("past it from the start", MemoryUse.constant(512 * MIB), 256 * MIB, OptionalLong.of(0)),
                new Oom("nothing declared", MemoryUse.NONE, 4 * MIB, OptionalLong.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ooms")
    void memoryPastTheLimitIsKilledAtTheFirstStepOverIt(Oom c) {
        assertEquals(c.after(), c.use().oomAfter(c.limit()));
    }

    @Test
    void theUseIsTheLastStepReachedInOrderOfAfter() {
        assertEquals(List.of(0L, 100 * MIB, 100 * MIB, 200 * MIB, 300 * MIB), Stream.of(-1L, 0L, 29 * S, 30 * S, 2 * 60 * S)
                .map(LEAK::at).toList());
        assertEquals(0, new MemoryUse(List.of(new MemoryUse.Step(10 * S, MIB))).at(5 * S), "nothing before the first step");
    }

    record Throttle(String name, long start, long need, long limit, long expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Throttle> throttles() {
        return Stream.of(
                new Throttle("no limit", 2 * S, S, 0, 2 * S),
                new Throttle("half the need: twice as long", 2 * S, S, S / 2, 4 * S),
                new Throttle("a limit above the need", 2 * S, S, 2 * S, 2 * S),
                new Throttle("no need declared", 2 * S, 0, S / 10, 2 * S),
                new Throttle("rounded up to the nanosecond", S, S, 3 * S / 10, 3_333_333_334L),
                new Throttle("a long start does not overflow", 3600 * S, 64 * S, S / 1000, 3600L * 64 * 1000 * S));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("throttles")
    void aCpuLimitBelowTheNeedStretchesTheStartByNeedOverLimit(Throttle c) {
        assertEquals(c.expected(), CpuThrottle.startNanos(c.start(), c.need(), c.limit()));
    }

    @Test
    void aRunningContainerUsesWhatItNeedsUpToItsLimit() {
        assertEquals(List.of(S, S / 2, 0L), List.of(CpuThrottle.usedNanoCpus(S, 0), CpuThrottle.usedNanoCpus(S, S / 2),
                CpuThrottle.usedNanoCpus(0, S)));
    }

    /** Moby's executor error ({@code exitError}) and swarmkit's state for each way a stopped container ends. */
    @Test
    void anExitIsReportedAsSwarmkitReportsIt() {
        assertEquals(List.of(TaskState.COMPLETE, "finished", Optional.empty()),
                List.of(Sigterm.EXIT.exit().state(), Sigterm.EXIT.exit().message(), Sigterm.EXIT.exit().error()));
        assertEquals(Optional.of("task: non-zero exit (143)"), Sigterm.DIE.exit().error());
        assertEquals(Optional.of("task: non-zero exit (137)"), Sigterm.IGNORE.exit().error());
        assertEquals(TaskState.FAILED, ExitStatus.OOM_KILLED.state());
        assertEquals(Optional.of("task: non-zero exit (137): OOMKilled"), ExitStatus.OOM_KILLED.error());
        assertEquals(List.of(false, false, true), Stream.of(Sigterm.values()).map(Sigterm::waitsForKill).toList());
    }

    @Test
    void sizesPrintAsDockerStatsPrintsThem() {
        assertEquals(List.of("0B", "1023B", "1KiB", "300MiB", "1.5GiB", "7.667GiB", "256MiB"),
                Stream.of(0L, 1023L, 1024L, 300 * MIB, 1536 * MIB, 8232308736L, 256 * MIB).map(Bytes::format).toList());
    }
}
