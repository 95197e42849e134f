package io.flotilla.benchmarks.kernel;

import io.flotilla.sim.kernel.TimeQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The virtual clock's queue as heartbeats use it: the earliest timer is taken and the node's next
 * one added a period of 5 s ± 0.5 s later, with {@code timers} waiting (5,000: one per node of the
 * 5,000-node benches; 100,000: one per task). The score is one take and one add.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TimeQueueBenchmark {

    static final long PERIOD = 4_500_000_000L;
    static final long JITTER = 1_000_000_000L;

    @Param({"5000", "100000"})
    int timers;

    private final TimeQueue<Object> queue = new TimeQueue<>();
    private final SplittableRandom random = new SplittableRandom(42);
    private final Object timer = new Object();

    @Setup
    public void fill() {
        for (int i = 0; i < timers; i++) {
            queue.add(random.nextLong(PERIOD + JITTER), timer);
        }
    }

    @Benchmark
    public long pollAndAdd() {
        long due = queue.peekTime();
        queue.add(due + PERIOD + random.nextLong(JITTER), queue.poll());
        return due;
    }
}
