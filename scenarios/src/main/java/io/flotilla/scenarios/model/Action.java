package io.flotilla.scenarios.model;

import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a timeline item does. Every name an action holds has been checked: nodes exist, services
 * exist at that moment (a {@code deploy} makes its services known from its time on), task names
 * are well formed for their service's mode.
 */
public sealed interface Action {

    /** The key that introduces the action in a scenario file ({@code crash}, {@code kill_task}...). */
    String keyword();

    /** The node stops dead: no heartbeats, its containers are gone. */
    record Crash(String node) implements Action {
        public String keyword() {
            return "crash";
        }
    }

    /** The node boots again, empty, and rejoins. */
    record Restart(String node) implements Action {
        public String keyword() {
            return "restart";
        }
    }

    /** {@code drain}, {@code pause} or {@code activate}: the operator changes a node's availability. */
    record SetAvailability(String node, Availability availability) implements Action {
        public String keyword() {
            return switch (availability) {
                case ACTIVE -> "activate";
                case PAUSE -> "pause";
                case DRAIN -> "drain";
            };
        }
    }

    /**
     * The network splits into groups that cannot reach each other. Resolved: the nodes the file did
     * not list form one more group, last, in declaration order; so the groups cover every node once.
     */
    record Partition(List<List<String>> groups) implements Action {
        public Partition {
            groups = groups.stream().map(List::copyOf).toList();
        }

        public String keyword() {
            return "partition";
        }
    }

    /** Every partition ends: all nodes reach each other again ({@code heal: all}). */
    record Heal() implements Action {
        public String keyword() {
            return "heal";
        }
    }

    /** New replica counts, per replicated service or statefulset. */
    record Scale(SortedMap<String, Integer> replicas) implements Action {
        public Scale {
            replicas = Collections.unmodifiableSortedMap(new TreeMap<>(replicas));
        }

        public String keyword() {
            return "scale";
        }
    }

    /**
     * A rolling update of a service ({@code docker service update}): a new image and/or new update
     * settings; {@code force} redeploys every task even when nothing changed.
     */
    record Update(String service, Optional<String> image, Optional<UpdateConfig> updateConfig, boolean force)
            implements Action {
        public String keyword() {
            return "update";
        }
    }

    /** The task's container exits with an error ({@code web.2}, {@code web.worker-1}, {@code db-0}). */
    record KillTask(String task) implements Action {
        public String keyword() {
            return "kill_task";
        }
    }

    /**
     * Adds services and statefulsets, or replaces those of the same name (like {@code docker stack
     * deploy}); {@code pods} holds the Kubernetes pod inputs of those that have a {@code kubernetes} key.
     */
    record Deploy(List<ServiceSpec> services, List<StatefulSetDecl> statefulsets, SortedMap<String, KubernetesPodSpec> pods)
            implements Action {
        public Deploy {
            services = List.copyOf(services);
            statefulsets = List.copyOf(statefulsets);
            pods = Collections.unmodifiableSortedMap(new TreeMap<>(pods));
        }

        /** The Kubernetes pod inputs of a workload of this deploy ({@link KubernetesPodSpec#NONE} when it has none). */
        public KubernetesPodSpec pod(String workload) {
            return pods.getOrDefault(workload, KubernetesPodSpec.NONE);
        }

        public String keyword() {
            return "deploy";
        }
    }
}
