package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.run.RunResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docker service ps} at exact moments of {@link Runs#SWARM}, as docker prints it (columns,
 * "Running 37 seconds ago", quoted errors cut at 30 characters, host-mode ports, history under
 * {@code \_}), and the task reaper's history limit.
 */
class ServicePsTest {

    static RunResult run;

    @BeforeAll
    static void run() {
        run = Runs.run(Runs.SWARM);
    }

    /** Before the crash: every task runs where it was placed; big waits, with swarmkit's reason cut short. */
    @Test
    void beforeTheCrash() {
        assertEquals("""
                ID             NAME      IMAGE        NODE       DESIRED STATE   CURRENT STATE            ERROR                              PORTS
                3yxfveie8s4w   api.1     api:1        worker-1   Running         Running 7 seconds ago                                       *:8080->80/tcp
                xp4r54pgknvd   big.1     big:1                   Running         Pending 10 seconds ago   "no suitable node (insufficien…"
                0xb479bksebs   web.1     nginx:1.27   worker-1   Running         Running 7 seconds ago
                uykq3zkhmb9o   web.2     nginx:1.27   worker-2   Running         Running 7 seconds ago
                """, ServicePs.render(Runs.at(run, "10s"), List.of()));
    }

    /**
     * 10s after the crash the manager has not missed enough heartbeats: its record still says
     * worker-1's tasks run, and nothing in the table shows the crash (the truth is in the timeline).
     */
    @Test
    void theManagerHasNotNoticedYet() {
        assertEquals("""
                ID             NAME      IMAGE        NODE       DESIRED STATE   CURRENT STATE            ERROR                              PORTS
                3yxfveie8s4w   api.1     api:1        worker-1   Running         Running 37 seconds ago                                      *:8080->80/tcp
                xp4r54pgknvd   big.1     big:1                   Running         Pending 40 seconds ago   "no suitable node (insufficien…"
                0xb479bksebs   web.1     nginx:1.27   worker-1   Running         Running 37 seconds ago
                uykq3zkhmb9o   web.2     nginx:1.27   worker-2   Running         Running 37 seconds ago
                """, ServicePs.render(Runs.at(run, "40s"), List.of()));
    }

    /**
     * Once worker-1 is down the manager wants its tasks shut down, but the last report from the node
     * said running, and so the table says until the node comes back: Shutdown beside "Running about
     * a minute ago", the replacement above it.
     */
    @Test
    void aDeadNodesTasksStayRunningInTheRecord() {
        assertEquals("""
                ID             NAME        IMAGE        NODE       DESIRED STATE   CURRENT STATE                ERROR                              PORTS
                wnnedc10nrp3   api.1       api:1        worker-2   Running         Running about a minute ago                                      *:8080->80/tcp
                3yxfveie8s4w    \\_ api.1   api:1        worker-1   Shutdown        Running about a minute ago                                      *:8080->80/tcp
                xp4r54pgknvd   big.1       big:1                   Running         Pending 2 minutes ago        "no suitable node (2 nodes not…"
                k3dc4zhejt09   web.1       nginx:1.27   worker-2   Running         Running about a minute ago
                0xb479bksebs    \\_ web.1   nginx:1.27   worker-1   Shutdown        Running about a minute ago
                uykq3zkhmb9o   web.2       nginx:1.27   worker-2   Running         Running about a minute ago
                """, ServicePs.render(Runs.at(run, "2m"), List.of()));
    }

    @Test
    void aServiceNameKeepsOnlyItsTasks() {
        String table = ServicePs.render(Runs.at(run, "2m"), List.of("web"));
        assertEquals(List.of("web.1", "\\_", "web.2"), table.lines().skip(1).map(l -> l.split("\\s+")[1]).toList());
    }

    /** A slot killed seven times keeps five tasks: swarmkit's reaper deletes the oldest that stopped. */
    @Test
    void aSlotKeepsFiveTasks() {
        RunResult killed = Runs.run("""
                scenario: history
                seed: 2
                until: 2m
                nodes:
                  - {name: manager-1, role: manager}
                services:
                  web: {image: "nginx:1.27"}
                timeline:
                  - {at: 10s, kill_task: web.1}
                  - {at: 20s, kill_task: web.1}
                  - {at: 30s, kill_task: web.1}
                  - {at: 40s, kill_task: web.1}
                  - {at: 50s, kill_task: web.1}
                  - {at: 60s, kill_task: web.1}
                  - {at: 70s, kill_task: web.1}
                """);
        assertEquals("""
                ID             NAME        IMAGE        NODE        DESIRED STATE   CURRENT STATE               ERROR                         PORTS
                xijmush67cp7   web.1       nginx:1.27   manager-1   Running         Running 44 seconds ago
                p3jqmgzcmbm2    \\_ web.1   nginx:1.27   manager-1   Shutdown        Failed 50 seconds ago       "task: non-zero exit (137)"
                vt05m4wbek2x    \\_ web.1   nginx:1.27   manager-1   Shutdown        Failed about a minute ago   "task: non-zero exit (137)"
                1tij0dvf1u67    \\_ web.1   nginx:1.27   manager-1   Shutdown        Failed about a minute ago   "task: non-zero exit (137)"
                z3jmagumul5l    \\_ web.1   nginx:1.27   manager-1   Shutdown        Failed about a minute ago   "task: non-zero exit (137)"
                """, ServicePs.render(Runs.at(killed, "2m"), List.of()));
    }
}
