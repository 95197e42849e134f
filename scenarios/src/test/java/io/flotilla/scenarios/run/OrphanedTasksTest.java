package io.flotilla.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.NodeStatus;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.NodeStatusChanged;
import io.flotilla.sim.events.TaskObserved;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * swarmkit's dispatcher ({@code defaultNodeDownPeriod}, {@code moveTasksToOrphaned}): a node that
 * stays down for 24 hours has the tasks the manager still believed running on it marked orphaned.
 */
class OrphanedTasksTest {

    private static final String CRASH_AT_ONE_MINUTE = """
            scenario: orphaned
            until: 25h
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2}
            services:
              web: {image: nginx, deploy: {replicas: 2}}
            timeline:
              - {at: 1m, crash: worker-1}
            """;

    @Test
    void tasksOfANodeDownForADayAreOrphanedThen() {
        Sim sim = Sim.run("orphaned", CRASH_AT_ONE_MINUTE);
        long down = sim.all(NodeStatusChanged.class, e -> e.node().equals("worker-1") && e.status() == NodeStatus.DOWN)
                .get(0).time();
        List<Sim.At<TaskObserved>> orphaned = sim.all(TaskObserved.class, e -> e.state() == TaskState.ORPHANED);
        assertEquals(1, orphaned.size(), "web.1 ran on worker-1");
        assertEquals("web.1#1", orphaned.get(0).event().task());
        assertEquals(down + Sim.t("24h"), orphaned.get(0).time());
    }

    @Test
    void aNodeBackWithinTheDayOrphansNothing() {
        Sim sim = Sim.run("back", CRASH_AT_ONE_MINUTE + """
                  - {at: 23h, restart: worker-1}
                """);
        assertEquals(List.of(), sim.all(TaskObserved.class, e -> e.state() == TaskState.ORPHANED));
    }
}
