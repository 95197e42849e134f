package io.flotilla.sim.kernel;

import static io.flotilla.scheduler.time.Durations.HOUR;

import io.flotilla.scheduler.time.Durations;

/**
 * Not a test: times {@link Simulation#runUntil} for the {@link Heartbeats} cluster, to keep an eye
 * on the kernel's cost. Run from node-sim with the test classpath, arguments {@code [nodes]
 * [hours] [logBeats] [seed]}; it prints wall time, work done and the log's digest (compare the
 * digest across JVMs for determinism).
 */
final class HeartbeatMeasurement {

    private HeartbeatMeasurement() {}

    public static void main(String[] args) {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        long until = (args.length > 1 ? Long.parseLong(args[1]) : 1) * HOUR;
        boolean logBeats = args.length > 2 && Boolean.parseBoolean(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        for (int round = 1; round <= 3; round++) {
            try (Simulation<Heartbeats.Manager.Command> sim = Heartbeats.start("measure", seed, nodes, logBeats)) {
                long start = System.nanoTime(); // wall-clock-ok: measuring the kernel itself
                sim.runUntil(until);
                long ran = System.nanoTime(); // wall-clock-ok
                String digest = sim.log().digest();
                long digested = System.nanoTime(); // wall-clock-ok
                System.out.printf("round %d: %d nodes, %s virtual: runUntil %.2f s, %s, %d events,"
                                + " digest %.2f s (%s)%n",
                        round, nodes, Durations.format(until), (ran - start) / 1e9, sim.stats(),
                        sim.log().size(), (digested - ran) / 1e9, digest);
            }
        }
    }
}
