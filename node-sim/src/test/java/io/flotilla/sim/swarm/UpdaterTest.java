package io.flotilla.sim.swarm;

import io.flotilla.scheduler.model.KubernetesPodSpec;
import static io.flotilla.sim.swarm.VirtualClock.S;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.Task;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.scheduler.model.UpdateConfig.FailureAction;
import io.flotilla.scheduler.model.UpdateConfig.Order;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskDesired;
import io.flotilla.sim.events.UpdateStatusChanged;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rolling updates through the whole control plane ({@link FakeSwarm}), at exact virtual times.
 * Service {@code web} runs 4 tasks of {@code v1} on two nodes; at 10s it is updated to {@code v2}.
 * A new task is scheduled 50ms after it is created and runs 1s later, so with one slot at a time
 * and no delay the slots are replaced at 10.000, 11.050, 12.100 and 13.150.
 */
class UpdaterTest {

    static final long UPDATE_AT = 10 * S;

    static UpdateConfig config(int parallelism, long delay, FailureAction action, long monitor, Order order) {
        return new UpdateConfig(parallelism, delay, action, monitor, 0, order);
    }

    static FakeSwarm update(UpdateConfig config, String image, boolean force) {
        FakeSwarm w = new FakeSwarm(2);
        w.clock.at(0, () -> w.plane.deploy(Specs.replicated("web", 4, "v1"), KubernetesPodSpec.NONE));
        w.clock.at(UPDATE_AT, () -> w.plane.update("web", Optional.of(image), Optional.of(config), force));
        return w;
    }

    static List<String> statuses(FakeSwarm w) {
        return w.clock.trace(UpdateStatusChanged.class);
    }

    /** When each task of {@code image} was created, in order. */
    static List<String> created(FakeSwarm w, String image) {
        return w.clock.log.stream()
                .filter(l -> l.event() instanceof TaskCreated c && c.image().equals(image))
                .map(l -> VirtualClock.time(l.time()))
                .toList();
    }

    /** The creations and desired-state changes of slot 1's tasks, in order. */
    static List<String> firstSlot(FakeSwarm w) {
        return w.clock.trace(TaskCreated.class, TaskDesired.class).stream().filter(l -> l.contains(" web.1#")).toList();
    }

    /** A start-first update to v2, cut short at 10.5s by a second one to {@code image}, before v2's first task runs. */
    static FakeSwarm cutShortBy(String image) {
        UpdateConfig startFirst = config(1, 0, FailureAction.PAUSE, 5 * S, Order.START_FIRST);
        FakeSwarm w = update(startFirst, "v2", false);
        w.clock.at(UPDATE_AT + S / 2, () -> w.plane.update("web", Optional.of(image), Optional.of(startFirst), false));
        w.clock.runUntil(60 * S);
        return w;
    }

    static List<String> images(FakeSwarm w) {
        return w.slots("web").stream().map(t -> t.spec().image()).toList();
    }

    // ---- parallelism and delay ----------------------------------------------------------------------

    record PaceCase(String name, int parallelism, long delay, List<String> created, String completed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<PaceCase> paceCases() {
        return Stream.of(
                new PaceCase("one slot at a time, no delay", 1, 0,
                        List.of("10.000", "11.050", "12.100", "13.150"), "19.200"),
                new PaceCase("two slots at a time", 2, 0,
                        List.of("10.000", "10.000", "11.050", "11.050"), "17.100"),
                new PaceCase("parallelism 0: every slot at once", 0, 0,
                        List.of("10.000", "10.000", "10.000", "10.000"), "16.050"),
                new PaceCase("5s delay after each new task runs; as long as the monitor, so it waits delay + 1s", 1, 5 * S,
                        List.of("10.000", "16.050", "22.100", "28.150"), "40.200"));
    }

    /**
     * Swarmkit's TestUpdater: every slot is replaced, {@code parallelism} at a time, each worker
     * waiting {@code delay} after its new task runs; the update completes one monitor period after
     * the last slot (upstream waits delay + 1s instead when the delay is not shorter).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("paceCases")
    void slotsAreReplacedParallelismAtATimeWithTheDelayBetween(PaceCase c) {
        FakeSwarm w = update(config(c.parallelism(), c.delay(), FailureAction.PAUSE, 5 * S, Order.STOP_FIRST), "v2", false);
        w.clock.runUntil(60 * S);

        assertEquals(c.created(), created(w, "v2"));
        assertEquals(List.of("10.000 web updating", c.completed() + " web completed"), statuses(w));
        assertEquals(List.of("v2", "v2", "v2", "v2"), images(w));
        assertEquals(4, w.running("web"));
    }

    // ---- what is out of date ----------------------------------------------------------------------------

    record DirtyCase(String name, String image, boolean force, int replaced, String completed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<DirtyCase> dirtyCases() {
        return Stream.of(
                new DirtyCase("a new image: every task", "v2", false, 4, "19.200"),
                new DirtyCase("the same spec: nothing to do, completed at once", "v1", false, 0, "10.000"),
                new DirtyCase("the same spec, forced: every task", "v1", true, 4, "19.200"));
    }

    /** Swarmkit's {@code isTaskDirty}: a task is replaced when its spec differs or a forced update came after it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dirtyCases")
    void anUpdateReplacesOnlyTasksThatAreOutOfDate(DirtyCase c) {
        FakeSwarm w = update(config(1, 0, FailureAction.PAUSE, 5 * S, Order.STOP_FIRST), c.image(), c.force());
        w.clock.runUntil(60 * S);

        assertEquals(4 + c.replaced(), w.clock.log.stream().filter(l -> l.event() instanceof TaskCreated).count());
        assertEquals(List.of("10.000 web updating", c.completed() + " web completed"), statuses(w));
    }

    // ---- failure action ----------------------------------------------------------------------------------

    record FailureCase(String name, FailureAction action, List<String> statuses, List<String> images) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<FailureCase> failureCases() {
        return Stream.of(
                new FailureCase("pause: the other slots keep the old image", FailureAction.PAUSE,
                        List.of("10.000 web updating", "12.050 web paused"),
                        List.of("v2", "v1", "v1", "v1")),
                new FailureCase("continue: every slot is updated all the same", FailureAction.CONTINUE,
                        List.of("10.000 web updating", "27.200 web completed"),
                        List.of("v2", "v2", "v2", "v2")),
                new FailureCase("rollback: the failed slot goes back to the old image", FailureAction.ROLLBACK,
                        List.of("10.000 web updating", "12.050 web rollback_started", "18.100 web rollback_completed"),
                        List.of("v1", "v1", "v1", "v1")));
    }

    /**
     * Swarmkit's TestUpdaterFailureAction and TestUpdaterRollback: {@code v2} exits 1s after it
     * runs, inside the 5s monitor; with max_failure_ratio 0 the first failure triggers the
     * failure action, during the 2s delay before the next slot.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("failureCases")
    void aNewTaskThatFailsWithinTheMonitorTriggersTheFailureAction(FailureCase c) {
        FakeSwarm w = update(config(1, 2 * S, c.action(), 5 * S, Order.STOP_FIRST), "v2", false);
        w.crashAfter.put("v2", S);
        w.clock.runUntil(60 * S);

        assertEquals(c.statuses(), statuses(w));
        assertEquals(c.images(), images(w));
    }

    // ---- monitor -----------------------------------------------------------------------------------------

    record MonitorCase(String name, long monitor, long crashAfter, List<String> statuses) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<MonitorCase> monitorCases() {
        return Stream.of(
                new MonitorCase("exits 3s after running, monitor 5s: a failure", 5 * S, 3 * S,
                        List.of("10.000 web updating", "14.050 web paused")),
                new MonitorCase("exits 6s after running, monitor 5s: not the update's doing", 5 * S, 6 * S,
                        List.of("10.000 web updating", "40.200 web completed")),
                new MonitorCase("exits 6s after running, monitor 10s: a failure", 10 * S, 6 * S,
                        List.of("10.000 web updating", "17.050 web paused")));
    }

    /** A new task that stops within {@code monitor} of running counts as a failure; later, it does not. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("monitorCases")
    void onlyFailuresWithinTheMonitorPeriodCount(MonitorCase c) {
        FakeSwarm w = update(config(1, 5 * S, FailureAction.PAUSE, c.monitor(), Order.STOP_FIRST), "v2", false);
        w.crashAfter.put("v2", c.crashAfter());
        w.clock.runUntil(60 * S);

        assertEquals(c.statuses(), statuses(w));
    }

    // ---- order ------------------------------------------------------------------------------------------------

    record OrderCase(String name, Order order, List<String> firstSlot, long fewestRunning, long mostRunning) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<OrderCase> orderCases() {
        return Stream.of(
                new OrderCase("stop-first: the old task stops, then the new one starts", Order.STOP_FIRST, List.of(
                        "0.000 web.1#1 created v1 desired running",
                        "10.000 web.1#1 desired shutdown (update)",
                        "10.000 web.1#2 created v2 desired ready",
                        "10.000 web.1#2 desired running (ready to start)"), 3, 4),
                new OrderCase("start-first: the old task stops once the new one runs", Order.START_FIRST, List.of(
                        "0.000 web.1#1 created v1 desired running",
                        "10.000 web.1#2 created v2 desired running",
                        "11.050 web.1#1 desired shutdown (update)"), 4, 5));
    }

    /** Swarmkit's TestUpdaterOrder: with start-first the service briefly runs one task more, never one fewer. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("orderCases")
    void theOrderDecidesWhetherTheOldTaskStopsBeforeOrAfterTheNewOneRuns(OrderCase c) {
        FakeSwarm w = update(config(1, 0, FailureAction.PAUSE, 5 * S, c.order()), "v2", false);
        w.clock.runUntil(5 * S);
        long[] fewest = {Long.MAX_VALUE};
        long[] most = {0};
        w.clock.afterEachStep(() -> {
            long running = w.running("web");
            fewest[0] = Math.min(fewest[0], running);
            most[0] = Math.max(most[0], running);
        });
        w.clock.runUntil(60 * S);

        assertEquals(c.firstSlot(), firstSlot(w));
        assertEquals(c.fewestRunning(), fewest[0], "fewest running");
        assertEquals(c.mostRunning(), most[0], "most running");
        assertEquals(List.of("10.000 web updating", "19.200 web completed"), statuses(w));
    }

    /** A rollback replaces only the slots that ran the new spec: the others were never touched. */
    @Test
    void aRollbackReplacesOnlyTheSlotsTheUpdateReached() {
        FakeSwarm w = update(config(1, 2 * S, FailureAction.ROLLBACK, 5 * S, Order.STOP_FIRST), "v2", false);
        w.crashAfter.put("v2", S);
        w.clock.runUntil(60 * S);

        assertEquals(List.of("10.000"), created(w, "v2"));
        assertEquals(List.of("0.000", "0.000", "0.000", "0.000", "12.050"), created(w, "v1"));
        assertEquals(List.of("web.1#3", "web.2#1", "web.3#1", "web.4#1"), w.slots("web").stream().map(Task::id).toList());
    }

    /**
     * Swarmkit's updater works on a slot's every task still meant to run: a start-first update cut
     * short leaves its new task beside the old one, and the next update stops both once its own
     * task runs (removeOldTasks over the slot), so the service ends with one task a slot.
     */
    @Test
    void anUpdateThatCutsAStartFirstOneShortStopsEveryOldTaskOfTheSlot() {
        FakeSwarm w = cutShortBy("v3");

        assertEquals(List.of(
                "0.000 web.1#1 created v1 desired running",
                "10.000 web.1#2 created v2 desired running",
                "10.500 web.1#3 created v3 desired running",
                "11.550 web.1#1 desired shutdown (update)",
                "11.550 web.1#2 desired shutdown (update)"), firstSlot(w));
        assertEquals(4, w.running("web"));
        assertEquals(List.of("v3", "v3", "v3", "v3"), images(w));
    }

    /**
     * Swarmkit's useExistingTask: when the slot already has a task of the spec the update brings
     * (here the old one, as the service goes back to v1 before v2 ran), the slot keeps it and the
     * others stop; no task is created.
     */
    @Test
    void aSlotThatHoldsATaskOfTheNewSpecKeepsItAndStopsTheOthers() {
        FakeSwarm w = cutShortBy("v1");

        assertEquals(List.of(
                "0.000 web.1#1 created v1 desired running",
                "10.000 web.1#2 created v2 desired running",
                "10.500 web.1#2 desired shutdown (update)"), firstSlot(w));
        assertEquals(List.of("0.000", "0.000", "0.000", "0.000"), created(w, "v1"));
        assertEquals(4, w.running("web"));
    }

    /**
     * A scale during an update changes the service, and swarmkit's update supervisor replaces the
     * updater: the slot it was on (two tasks, so removed first by the scale-down) is not waited
     * for, and the new updater goes on with the slots the service keeps.
     */
    @Test
    void aScaleDuringAnUpdateStartsItOverOnTheSlotsKept() {
        FakeSwarm w = update(config(1, 0, FailureAction.PAUSE, 5 * S, Order.START_FIRST), "v2", false);
        w.clock.at(UPDATE_AT + S / 2, () -> w.plane.scale("web", 3));
        w.clock.runUntil(60 * S);

        assertEquals(List.of(
                "0.000 web.1#1 created v1 desired running",
                "10.000 web.1#2 created v2 desired running",
                "10.500 web.1#1 desired remove (scale down)",
                "10.500 web.1#2 desired remove (scale down)"), firstSlot(w));
        assertEquals(List.of("v2", "v2", "v2"), w.slots("web").stream().filter(t -> t.desired() != TaskState.REMOVE)
                .map(t -> t.spec().image()).toList());
        assertEquals(3, w.running("web"));
        assertEquals(List.of("10.000 web updating", "18.650 web completed"), statuses(w));
    }
}
