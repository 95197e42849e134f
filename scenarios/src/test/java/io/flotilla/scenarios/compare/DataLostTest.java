package io.flotilla.scenarios.compare;

import static io.flotilla.scenarios.compare.Scenarios.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.HandLog;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.sim.events.VolumeAttached;
import io.flotilla.sim.events.VolumeCreated;
import io.flotilla.sim.events.VolumeData;
import io.flotilla.sim.events.VolumeDeleted;
import io.flotilla.sim.events.VolumeDetached;
import io.flotilla.sim.events.VolumeLost;
import io.flotilla.sim.events.VolumeRestored;
import io.flotilla.sim.kernel.Event;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The definition of {@code data lost} on volume events written by hand: per fault, how far each
 * volume's reach (the {@code data_through} of the copies in use) fell from the fault's instant to
 * the end of its window. Faults at 1m (crash worker-1) and 3m (restart worker-1), run until 5m.
 */
class DataLostTest {

    static final Scenario SCENARIO = Scenarios.parse("""
            scenario: data-lost
            until: 5m
            nodes:
              - {name: manager-1, role: manager}
              - {name: worker, count: 3}
            volumes: {cache: {driver: local}}
            services:
              web: {volumes: ["cache:/data"], deploy: {replicas: 2}}
            timeline:
              - {at: 1m, crash: worker-1}
              - {at: 3m, restart: worker-1}
            """);

    record Case(String name, Consumer<HandLog> log, List<String> lost) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a volume written all along loses nothing", log -> writing(log, "2s", "worker-1"),
                        List.of("0s", "0s")),
                new Case("a replacement on another node's fresh copy loses every write up to the fault", log -> {
                    writing(log, "2s", "worker-1");
                    log.at("1m").add(new VolumeLost("cache", "worker-1"), through("worker-1", "1m"));
                    log.at("1m20s").add(new VolumeCreated("cache", "worker-3", "local"),
                            new VolumeAttached("cache", "worker-3", "worker-3"), none("worker-3"));
                }, List.of("1m", "0s")),
                new Case("a copy lost with its node still holds its writes: nothing lost, back or not", log -> {
                    writing(log, "2s", "worker-1");
                    log.at("1m").add(new VolumeLost("cache", "worker-1"), through("worker-1", "1m"));
                    log.at("3m").add(new VolumeDetached("cache", "worker-1", "worker-1"));
                }, List.of("0s", "0s")),
                new Case("two copies in use: the lower one counts, and the old copy's return brings nothing back", log -> {
                    writing(log, "2s", "worker-1");
                    writing(log, "2s", "worker-2");
                    log.at("1m").add(new VolumeLost("cache", "worker-1"), through("worker-1", "1m"));
                    log.at("1m20s").add(new VolumeCreated("cache", "worker-3", "local"),
                            new VolumeAttached("cache", "worker-3", "worker-3"), none("worker-3"));
                    log.at("3m").add(new VolumeDetached("cache", "worker-1", "worker-1"));
                }, List.of("1m", "0s")),
                new Case("a restore to a 30s backup in the window loses from 30s to the fault", log -> {
                    writing(log, "2s", "worker-1");
                    log.at("2m").add(new VolumeDetached("cache", "worker-1", "worker-1"), through("worker-1", "2m"));
                    log.at("2m10s").add(new VolumeRestored("cache", "worker-1", "nightly", Duration.ofSeconds(30)),
                            through("worker-1", "30s"));
                }, List.of("30s", "0s")),
                new Case("with no copy in use, the copy attached last stands for the name", log -> {
                    writing(log, "2s", "worker-1");
                    log.at("1m").add(new VolumeLost("cache", "worker-1"), through("worker-1", "1m"));
                    log.at("1m20s").add(new VolumeCreated("cache", "worker-3", "local"),
                            new VolumeAttached("cache", "worker-3", "worker-3"), none("worker-3"));
                    log.at("2m").add(new VolumeDetached("cache", "worker-3", "worker-3"));
                    log.at("3m").add(new VolumeDetached("cache", "worker-1", "worker-1"));
                }, List.of("1m", "0s")),
                new Case("a deleted volume holds nothing", log -> {
                    writing(log, "2s", "worker-1");
                    log.at("4m").add(new VolumeDetached("cache", "worker-1", "worker-1"), through("worker-1", "4m"),
                            new VolumeDeleted("cache", "worker-1"));
                }, List.of("0s", "3m")),
                new Case("writes made after the fault and lost in its window are not the fault's", log -> {
                    writing(log, "1m30s", "worker-2");
                    log.at("2m").add(new VolumeDetached("cache", "worker-2", "worker-2"), through("worker-2", "2m"),
                            new VolumeDeleted("cache", "worker-2"));
                }, List.of("0s", "0s")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void dataLostPerFault(Case c) {
        HandLog log = new HandLog();
        c.log().accept(log);
        RunMetrics m = Metrics.of(log.run(SCENARIO));
        List<OptionalLong> expected = c.lost().stream().map(time -> OptionalLong.of(t(time))).toList();
        assertEquals(expected, m.faults().stream().map(RunMetrics.FaultMetrics::dataLost).toList());
        // Without statefulsets the ordinals are not measured.
        m.faults().forEach(f -> assertEquals(OptionalLong.empty(), f.ordinalsBack()));
    }

    /** A copy of cache made and written to on {@code node} from {@code time}. */
    private static void writing(HandLog log, String time, String node) {
        log.at(time).add(new VolumeCreated("cache", node, "local"), new VolumeAttached("cache", node, node),
                new VolumeData("cache", node, "now", null));
    }

    private static Event through(String node, String time) {
        return new VolumeData("cache", node, "through", Duration.ofNanos(t(time)));
    }

    private static Event none(String node) {
        return new VolumeData("cache", node, "none", null);
    }
}
