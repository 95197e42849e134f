package io.flotilla.sim.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskSecrets;
import io.flotilla.sim.events.TaskStateChanged;
import io.flotilla.sim.events.WorkloadFailedCreate;
import io.flotilla.sim.kernel.Event;
import io.flotilla.sim.kernel.LoggedEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What the view folds of security from the log: each task's grants, each node's secrets, refused creations. */
class SecurityViewTest {

    private final ClusterView view = new ClusterView(
            Map.of("worker-1", NodeRole.WORKER, "worker-2", NodeRole.WORKER),
            Map.of("worker-1", Availability.ACTIVE, "worker-2", Availability.ACTIVE));
    private int seq;

    private void apply(long time, Event event) {
        view.apply(new LoggedEvent(time, seq++, event));
    }

    private void task(String id, String name, String node, TaskState state) {
        apply(0, new TaskCreated(id, name, name.substring(0, name.indexOf('.')), 1, null, 1, "img", TaskState.RUNNING,
                new TreeMap<>()));
        apply(0, new TaskStateChanged(id, node, state, "", null));
    }

    static final TaskSecrets.GrantedFile DB = new TaskSecrets.GrantedFile("db", "id1", "/run/secrets/db", "0", "0", "0444");
    static final TaskSecrets.GrantedFile APP = new TaskSecrets.GrantedFile("app", "id2", "/app", "0", "0", "0444");

    @Test
    void aNodeHoldsTheSecretsOfItsLiveTasksOnly() {
        task("api.1#1", "api.1", "worker-1", TaskState.RUNNING);
        apply(0, new TaskSecrets("api.1#1", List.of(DB), List.of(APP)));
        task("api.2#1", "api.2", "worker-2", TaskState.PENDING);
        apply(0, new TaskSecrets("api.2#1", List.of(DB), List.of()));
        task("web.1#1", "web.1", "worker-2", TaskState.RUNNING);
        assertEquals(List.of(DB), view.newest("api.1").orElseThrow().secrets());
        assertEquals(List.of(APP), view.newest("api.1").orElseThrow().configs());
        assertEquals(List.of("db"), view.secretsOn("worker-1"));
        assertEquals(List.of(), view.secretsOn("worker-2"), "a pending task's secrets are not sent yet");
        apply(5, new TaskStateChanged("api.1#1", "worker-1", TaskState.FAILED, "", "exit 1"));
        assertEquals(List.of(), view.secretsOn("worker-1"), "nor those of a task that ended");
    }

    @Test
    void refusedCreationsAreCountedPerWorkload() {
        apply(0, new WorkloadFailedCreate("web", "ReplicaSet", "web-1", "Error creating: a", 1));
        apply(5_000_000, new WorkloadFailedCreate("web", "ReplicaSet", "web-1", "Error creating: b", 2));
        ClusterView.FailedCreates f = view.failedCreates().get("web");
        assertEquals(2, f.count());
        assertEquals(0, f.first());
        assertEquals(5_000_000, f.last());
        assertEquals("Error creating: b", f.latest().message());
    }
}
