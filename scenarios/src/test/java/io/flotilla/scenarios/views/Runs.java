package io.flotilla.scenarios.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.run.ScenarioRunner;
import io.flotilla.scheduler.time.Durations;
import java.util.List;

/** Small scenarios run once, and the moments the view tests look at. */
final class Runs {

    private Runs() {}

    static RunResult run(String yaml) {
        ParseOutcome outcome = new ScenarioParser().parse("views.yaml", yaml);
        assertEquals(List.of(), outcome.problems(), "the test's scenario must be valid");
        return ScenarioRunner.run(outcome.scenario().orElseThrow(), RunOptions.DEFAULT);
    }

    static RunMoment at(RunResult run, String time) {
        return RunMoment.of(run, Durations.parse(time).orElseThrow());
    }

    /**
     * A Swarm cluster of a drained manager and two workers: web on an overlay network, api with a
     * host-mode port, big that fits nowhere; worker-1 crashes at 30s and is marked down at 42.907s.
     */
    static final String SWARM = """
            scenario: views
            seed: 3
            until: 2m
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2, resources: {cpus: 2, memory: 2GiB}}
            networks:
              front: {}
            services:
              web: {image: "nginx:1.27", networks: [front], deploy: {replicas: 2}}
              api: {image: "api:1", ports: [{target: 80, published: 8080, mode: host}]}
              big: {image: "big:1", deploy: {resources: {reservations: {cpus: "4"}}}}
            timeline:
              - {at: 30s, crash: worker-1}
            """;

    /**
     * The same cluster under Kubernetes, with short grace and toleration: pay's image crashes 3s
     * after it starts (CrashLoopBackOff), worker-1 crashes at 30s, is Unknown at 50s, and its pods
     * are evicted at 1m20s.
     */
    static final String KUBERNETES = """
            scenario: kviews
            seed: 3
            strategy: kubernetes
            until: 3m
            kubernetes: {node_monitor_grace_period: 20s, default_toleration_seconds: 30}
            nodes:
              - {name: manager-1, role: manager, availability: drain}
              - {name: worker, count: 2, resources: {cpus: 2, memory: 2GiB}}
            images:
              "pay:2": {size: 50MB, start: 1s, crash_after: 3s}
            services:
              web: {image: "nginx:1.27", deploy: {replicas: 2}}
              pay: {image: "pay:2"}
              big: {image: "big:1", deploy: {resources: {reservations: {cpus: "4"}}}}
            timeline:
              - {at: 30s, crash: worker-1}
            """;

    /**
     * A statefulset of two pods on network volumes under Kubernetes (attach 10s); db-0 is force
     * deleted at 30s and created again, as {@code db-0} (its id {@code db-0#2}).
     */
    static final String STATEFUL = """
            scenario: sviews
            seed: 3
            strategy: kubernetes
            until: 2m
            nodes:
              - {name: manager-1, role: manager, taints: ["node-role.kubernetes.io/control-plane:NoSchedule"]}
              - {name: worker, count: 2}
            storage_classes:
              disk: {type: network, binding: WaitForFirstConsumer}
            statefulsets:
              db: {image: "postgres:16", replicas: 2, volume_claim_templates: [{name: data, storage_class: disk, size: 1Gi}]}
            timeline:
              - {at: 30s, force_delete: db-0}
            """;
}
