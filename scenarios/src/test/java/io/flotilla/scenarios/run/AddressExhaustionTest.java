package io.flotilla.scenarios.run;

import static io.flotilla.scenarios.run.Sim.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.TaskAddressed;
import io.flotilla.sim.events.TaskCreated;
import io.flotilla.sim.events.TaskUnallocated;
import io.flotilla.sim.view.TaskView;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A full overlay subnet holds tasks back, as swarmkit's allocator does ({@code
 * manager/allocator/network.go}: a task whose {@code AllocateTask} fails stays new, is logged as a
 * task allocation failure and is tried again later; {@code cnmallocator} words the error).
 */
class AddressExhaustionTest {

    private static final String FULL = "failed to allocate network IP for task %s network tiny: could not find an available IP";

    /**
     * A /29 has five host addresses after the gateway: the VIP and four tasks. The fifth and sixth
     * task stay new with the allocator's error and are never scheduled; when a scale-down frees two
     * addresses they get them, oldest first, and go on at once.
     */
    private static Sim run() {
        return Sim.run("address-exhaustion", """
                scenario: address-exhaustion
                until: 1m
                nodes:
                  - {name: manager-1, role: manager, availability: drain}
                  - {name: worker, count: 2}
                networks:
                  tiny: {subnet: 10.9.0.0/29}
                services:
                  web:
                    image: nginx:1.27
                    networks: [tiny]
                    deploy: {replicas: 4}
                  api:
                    image: api:1
                    networks: [tiny]
                    deploy: {replicas: 2, endpoint_mode: dnsrr}
                timeline:
                  - {at: 30s, scale: {web: 2}}
                """);
    }

    @Test
    void tasksWithoutAnAddressStayNewWithTheAllocatorsError() {
        Sim sim = run();
        List<String> api = List.of(sim.created("api.1").get(0).event().task(), sim.created("api.2").get(0).event().task());
        assertEquals(List.of(), sim.created("api.1").get(0).event().addresses().values().stream().toList());
        for (String id : api) {
            Sim.At<TaskUnallocated> failed = sim.expect(TaskUnallocated.class, 0, e -> e.task().equals(id), id + " unallocated");
            assertEquals(0L, failed.time());
            assertEquals(FULL.formatted(id), failed.event().error());
            TaskView view = sim.at("29s").task(id).orElseThrow();
            assertEquals(TaskState.NEW, view.state());
            assertEquals(Optional.of(FULL.formatted(id)), view.error());
        }
        assertEquals(0, sim.running("api", "29s"));
        assertEquals(4, sim.running("web", "29s"));
    }

    @Test
    void freedAddressesGoToTheWaitingTasksWhichThenRun() {
        Sim sim = run();
        String api1 = sim.created("api.1").get(0).event().task();
        String api2 = sim.created("api.2").get(0).event().task();
        long web3Gone = sim.reached(sim.created("web.3").get(0).event().task(), TaskState.SHUTDOWN).orElseThrow();
        long web4Gone = sim.reached(sim.created("web.4").get(0).event().task(), TaskState.SHUTDOWN).orElseThrow();
        assertEquals(t("32s"), web3Gone, "scaled down at 30s, stopped on its node and reported at 32s");
        assertEquals(t("32s"), web4Gone);
        Sim.At<TaskAddressed> first = sim.expect(TaskAddressed.class, 0, e -> e.task().equals(api1), "api.1 addressed");
        Sim.At<TaskAddressed> second = sim.expect(TaskAddressed.class, 0, e -> e.task().equals(api2), "api.2 addressed");
        assertEquals(t("32s"), first.time(), "an address freed goes to a waiting task at once");
        assertEquals(t("32s"), second.time());
        assertEquals("10.9.0.5", first.event().address(), "web.3's address, freed first, goes to the oldest task waiting");
        assertEquals("10.9.0.6", second.event().address());
        assertEquals(Optional.of(first.time()), sim.reached(api1, TaskState.PENDING));
        assertEquals(Optional.of(second.time()), sim.reached(api2, TaskState.PENDING));
        TaskView running = sim.at("40s").task(api1).orElseThrow();
        assertEquals(TaskState.RUNNING, running.state());
        assertEquals(Optional.empty(), running.error());
        assertEquals(2, sim.running("api", "40s"));
        assertEquals(List.of(), sim.all(TaskCreated.class, e -> e.service().equals("api")).stream()
                .filter(c -> c.time() > 0).toList(), "the same tasks go on; none is replaced");
    }
}
