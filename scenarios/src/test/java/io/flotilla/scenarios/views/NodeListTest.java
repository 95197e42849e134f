package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.run.RunResult;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docker node ls} at exact moments: the dispatcher's STATUS (Down only once heartbeats were
 * missed), raft's MANAGER STATUS, the {@code *} on the leader the CLI talks to, and the daemon's
 * error while the managers have no leader.
 */
class NodeListTest {

    static final String MANAGERS = """
            scenario: managers
            seed: 5
            until: 2m
            nodes:
              - {name: manager, count: 3, role: manager}
              - {name: worker, count: 1}
            services:
              web: {image: "nginx:1.27", deploy: {replicas: 1, placement: {constraints: ["node.role == worker"]}}}
            timeline:
              - {at: 20s, partition: [[manager-3]]}
              - {at: 50s, crash: manager-2}
              - {at: 1m30s, heal: all}
            """;

    static RunResult run;

    @BeforeAll
    static void run() {
        run = Runs.run(MANAGERS);
    }

    /** 5s into the partition: raft has lost manager-3, the dispatcher still counts it ready. */
    @Test
    void aCutOffManagerIsUnreachableBeforeItIsDown() {
        assertEquals("""
                ID                            HOSTNAME    STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION
                koqe0eoylnd921ditmjulhay4 *   manager-1   Ready     Active         Leader           29.0.0
                zzu8in0g9zuinzqj6coaw3655     manager-2   Ready     Active         Reachable        29.0.0
                559xfkbetc1zl86mfaw4zcupa     manager-3   Ready     Active         Unreachable      29.0.0
                fvecjfw5wffcttysx9ikhzkd7     worker-1    Ready     Active                          29.0.0
                """, NodeList.render(Runs.at(run, "25s")));
    }

    @Test
    void thenTheDispatcherMarksItDown() {
        assertEquals("""
                ID                            HOSTNAME    STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION
                koqe0eoylnd921ditmjulhay4 *   manager-1   Ready     Active         Leader           29.0.0
                zzu8in0g9zuinzqj6coaw3655     manager-2   Ready     Active         Reachable        29.0.0
                559xfkbetc1zl86mfaw4zcupa     manager-3   Down      Active         Unreachable      29.0.0
                fvecjfw5wffcttysx9ikhzkd7     worker-1    Ready     Active                          29.0.0
                """, NodeList.render(Runs.at(run, "30s")));
    }

    /** A manager whose firewall drops 2377/tcp reaches the others over the underlay, but raft does not pass. */
    @Test
    void aManagerBehindAFirewallThatDropsRaftsPortIsUnreachable() {
        RunResult firewalled = Runs.run(MANAGERS.replace("  - {at: 20s, partition: [[manager-3]]}",
                "  - {at: 20s, firewall: {node: manager-3, drop: [2377/tcp]}}"));
        assertEquals("""
                ID                            HOSTNAME    STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION
                koqe0eoylnd921ditmjulhay4 *   manager-1   Ready     Active         Leader           29.0.0
                zzu8in0g9zuinzqj6coaw3655     manager-2   Ready     Active         Reachable        29.0.0
                559xfkbetc1zl86mfaw4zcupa     manager-3   Ready     Active         Unreachable      29.0.0
                fvecjfw5wffcttysx9ikhzkd7     worker-1    Ready     Active                          29.0.0
                """, NodeList.render(Runs.at(firewalled, "25s")));
    }

    /** With manager-2 dead and manager-3 cut off no majority is left: the daemon answers with an error. */
    @Test
    void withoutALeaderTheDaemonAnswersWithAnError() {
        assertEquals(Optional.of("Error response from daemon: rpc error: code = Unknown desc = The swarm does not have a"
                        + " leader. It's possible that too few managers are online. Make sure more than half of the managers are online."),
                SwarmApi.unavailable(Runs.at(run, "1m")));
        assertEquals(Optional.empty(), SwarmApi.unavailable(Runs.at(run, "1m55s")));
    }

    /** After the heal a leader is elected again; every node is unknown to it until it hears from it, the dead one stays so. */
    @Test
    void afterTheElection() {
        assertEquals("""
                ID                            HOSTNAME    STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION
                koqe0eoylnd921ditmjulhay4 *   manager-1   Ready     Active         Leader           29.0.0
                zzu8in0g9zuinzqj6coaw3655     manager-2   Unknown   Active         Unreachable      29.0.0
                559xfkbetc1zl86mfaw4zcupa     manager-3   Ready     Active         Reachable        29.0.0
                fvecjfw5wffcttysx9ikhzkd7     worker-1    Ready     Active                          29.0.0
                """, NodeList.render(Runs.at(run, "1m55s")));
    }

    @Test
    void aDrainedManagerAndADeadWorker() {
        assertEquals("""
                ID                            HOSTNAME    STATUS    AVAILABILITY   MANAGER STATUS   ENGINE VERSION
                llpc0ier1vfp89oc0hjg3ld3l *   manager-1   Ready     Drain          Leader           29.0.0
                xe35nzh03yjuf6sej23qo301v     worker-1    Down      Active                          29.0.0
                rz2qlfschgo0d9y7a2k09yjbu     worker-2    Ready     Active                          29.0.0
                """, NodeList.render(Runs.at(Runs.run(Runs.SWARM), "2m")));
    }
}
