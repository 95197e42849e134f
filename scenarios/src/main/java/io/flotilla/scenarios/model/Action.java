package io.flotilla.scenarios.model;

import io.flotilla.network.topology.FirewallRule;
import io.flotilla.scheduler.model.Availability;
import io.flotilla.scheduler.model.KubernetesPodSpec;
import io.flotilla.scheduler.model.SecretChange;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.UpdateConfig;
import io.flotilla.sim.cluster.Cluster;
import io.flotilla.sim.cluster.ContainerVerb;
import io.flotilla.sim.cluster.Fabric;
import io.flotilla.sim.cluster.Manager;
import io.flotilla.sim.storage.Storage;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a timeline item does. Every name an action holds has been checked: nodes exist, services
 * exist at that moment (a {@code deploy} makes its services known from its time on), task names
 * are well formed for their service's mode.
 *
 * <p>Each kind is declared once, here: its key, what it sends to the simulated cluster and how it
 * is described; its binder in {@code io.flotilla.scenarios.parse} reads it from the file (a test
 * checks that every kind has one, and that the JSON Schema and the format's page list its key).
 */
public sealed interface Action {

    /** The key that introduces the action in a scenario file ({@code crash}, {@code kill_task}...). */
    String keyword();

    /** What the action sends to the simulated cluster at its time, in this order. */
    List<Cluster.Command> commands();

    /** The action in a few words, as {@code compare} names a fault: {@code restart worker-2}. */
    String describe();

    private static Cluster.Command operator(Manager.Command command) {
        return new Cluster.Operator(command);
    }

    /** The node stops dead: no heartbeats, its containers are gone. */
    record Crash(String node) implements Action {
        public String keyword() {
            return "crash";
        }

        public List<Cluster.Command> commands() {
            return List.of(new Cluster.Crash(node));
        }

        public String describe() {
            return "crash " + node;
        }
    }

    /** The node boots again, empty, and rejoins. */
    record Restart(String node) implements Action {
        public String keyword() {
            return "restart";
        }

        public List<Cluster.Command> commands() {
            return List.of(new Cluster.Boot(node));
        }

        public String describe() {
            return "restart " + node;
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

        public List<Cluster.Command> commands() {
            return List.of(operator(new Manager.SetAvailability(node, availability)));
        }

        public String describe() {
            return keyword() + " " + node;
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

        public List<Cluster.Command> commands() {
            return List.of(new Cluster.Network(new Fabric.Partition(groups)));
        }

        public String describe() {
            return "partition " + groups.stream().map(g -> String.join(" ", g)).collect(Collectors.joining(" | "));
        }
    }

    /** Every partition ends: all nodes reach each other again ({@code heal: all}). */
    record Heal() implements Action {
        public String keyword() {
            return "heal";
        }

        public List<Cluster.Command> commands() {
            return List.of(new Cluster.Network(Fabric.Heal.INSTANCE));
        }

        public String describe() {
            return "heal";
        }
    }

    /**
     * The link between two nodes fails ({@code link_down}) or works again ({@code link_up}): only
     * those two stop (or start again) reaching each other; every other path is as it was.
     */
    record Link(String a, String b, boolean up) implements Action {
        public String keyword() {
            return up ? "link_up" : "link_down";
        }

        public List<Cluster.Command> commands() {
            return List.of(new Cluster.Network(up ? new Fabric.LinkUp(a, b) : new Fabric.LinkDown(a, b)));
        }

        public String describe() {
            return keyword() + " " + a + " " + b;
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

        /** One operator command per workload, in name order. */
        public List<Cluster.Command> commands() {
            return replicas.entrySet().stream()
                    .map(e -> operator(new Manager.Scale(e.getKey(), e.getValue())))
                    .toList();
        }

        public String describe() {
            return "scale " + replicas.entrySet().stream()
                    .map(e -> e.getKey() + " to " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }

    /**
     * A rolling update of a service ({@code docker service update}): a new image and/or new update
     * settings; {@code force} redeploys every task even when nothing changed; {@code secrets} are its
     * {@code --secret-rm} and {@code --secret-add}. For a statefulset, a new image and/or a new
     * rolling-update {@code partition} ({@code kubectl set image}, {@code kubectl patch}).
     */
    record Update(String service, Optional<String> image, Optional<UpdateConfig> updateConfig, boolean force,
            OptionalInt partition, SecretChange secrets) implements Action {
        public Update(String service, Optional<String> image, Optional<UpdateConfig> updateConfig, boolean force) {
            this(service, image, updateConfig, force, OptionalInt.empty());
        }

        public Update(String service, Optional<String> image, Optional<UpdateConfig> updateConfig, boolean force,
                OptionalInt partition) {
            this(service, image, updateConfig, force, partition, SecretChange.NONE);
        }

        public String keyword() {
            return "update";
        }

        public List<Cluster.Command> commands() {
            return List.of(operator(new Manager.Update(service, image, updateConfig, force, partition, secrets)));
        }

        public String describe() {
            return "update " + service + image.map(i -> " to " + i).orElse("")
                    + secrets.remove().stream().map(s -> " --secret-rm " + s).collect(Collectors.joining())
                    + secrets.add().stream().map(s -> " --secret-add " + s.name()).collect(Collectors.joining())
                    + (partition.isPresent() ? " (partition " + partition.getAsInt() + ")" : "") + (force ? " (force)" : "");
        }
    }

    /** The task's container exits with an error ({@code web.2}, {@code web.worker-1}, {@code db-0}). */
    record KillTask(String task) implements Action {
        public String keyword() {
            return "kill_task";
        }

        public List<Cluster.Command> commands() {
            return List.of(new Cluster.KillTask(task));
        }

        public String describe() {
            return "kill " + task;
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

        /** One deploy per service, then one per statefulset. */
        public List<Cluster.Command> commands() {
            return Stream.concat(
                    services.stream().map(s -> (Cluster.Command) new Cluster.Deploy(s, pod(s.name()))),
                    statefulsets.stream().map(s -> operator(new Manager.DeployStatefulSet(s.spec(), pod(s.name())))))
                    .toList();
        }

        public String describe() {
            return "deploy " + Stream.concat(services.stream().map(ServiceSpec::name),
                    statefulsets.stream().map(StatefulSetDecl::name)).collect(Collectors.joining(", "));
        }
    }

    /**
     * The task's health check starts failing ({@code unhealthy}) or passes again ({@code healthy});
     * Swarm takes an unhealthy task out of DNS and its load balancers and replaces it, Kubernetes
     * takes a pod that is not ready out of its Services' endpoints.
     */
    record Health(String task, boolean healthy) implements Action {
        public String keyword() {
            return healthy ? "healthy" : "unhealthy";
        }

        public List<Cluster.Command> commands() {
            return List.of(new Cluster.Health(task, healthy));
        }

        public String describe() {
            return keyword() + " " + task;
        }
    }

    /**
     * An operator on the task's node runs {@code docker VERB} on its container ({@code pause},
     * {@code unpause}, {@code stop}, {@code start}, {@code restart}, {@code remove}), outside its
     * orchestrator, which reacts in its own way: a paused container's task still runs for it; a
     * stopped or removed one has exited, and Swarm's restart policy or the kubelet's back-off decides.
     */
    record Container(String task, ContainerVerb verb) implements Action {
        public String keyword() {
            return verb.keyword();
        }

        public List<Cluster.Command> commands() {
            return List.of(new Cluster.OperateContainer(task, verb));
        }

        public String describe() {
            return verb.keyword() + " container " + task;
        }
    }

    /**
     * Every node of a zone crashes ({@code zone_down}) or boots again ({@code zone_up}): {@code nodes}
     * are the nodes whose zone it is, in declaration order, and each gets its own crash or boot.
     */
    record Zone(String zone, List<String> nodes, boolean up) implements Action {
        public Zone {
            nodes = List.copyOf(nodes);
        }

        public String keyword() {
            return up ? "zone_up" : "zone_down";
        }

        public List<Cluster.Command> commands() {
            return nodes.stream().map(n -> up ? (Cluster.Command) new Cluster.Boot(n) : new Cluster.Crash(n)).toList();
        }

        public String describe() {
            return keyword() + " " + zone + ": " + (up ? "restart " : "crash ") + String.join(", ", nodes);
        }
    }

    /**
     * Kubernetes' {@code node.kubernetes.io/out-of-service} taint on a node ({@code kubectl taint}):
     * its pods are deleted, force-deleted while the node is not Ready, and its volumes detached at once.
     */
    record OutOfService(String node) implements Action {
        public String keyword() {
            return "out_of_service";
        }

        public List<Cluster.Command> commands() {
            return List.of(operator(new Manager.OutOfService(node)));
        }

        public String describe() {
            return "out_of_service " + node;
        }
    }

    /**
     * A snapshot named {@code name} of the volume's content as it is now ({@code node}: which copy of
     * a {@code local} volume, when it has copies on several nodes).
     */
    record Backup(String volume, Optional<String> node, String name) implements Action {
        public String keyword() {
            return "backup";
        }

        public List<Cluster.Command> commands() {
            return List.of(new Cluster.Volumes(new Storage.Backup(volume, node, name)));
        }

        public String describe() {
            return "backup " + volume + node.map(n -> " on " + n).orElse("") + " as " + name;
        }
    }

    /**
     * {@code kubectl delete pod --force --grace-period=0} of the task's newest pod ({@code db-1},
     * {@code web.2}): the object goes without waiting for its kubelet, so its controller may replace it.
     */
    record ForceDelete(String task) implements Action {
        public String keyword() {
            return "force_delete";
        }

        public List<Cluster.Command> commands() {
            return List.of(operator(new Manager.ForceDelete(task)));
        }

        public String describe() {
            return "force_delete " + task;
        }
    }

    /**
     * The volume's content becomes the backup's: the writes made since the backup are gone. Refused
     * at run time, with the reason in the timeline, while a task uses the volume.
     */
    record Restore(String volume, Optional<String> node, String from) implements Action {
        public String keyword() {
            return "restore";
        }

        public List<Cluster.Command> commands() {
            return List.of(new Cluster.Volumes(new Storage.Restore(volume, node, from)));
        }

        public String describe() {
            return "restore " + volume + node.map(n -> " on " + n).orElse("") + " from " + from;
        }
    }

    /**
     * {@code docker volume prune} on the node's engine: the local volumes no container there
     * references, and only with {@code all} a named one (Docker 23 and later prune only anonymous
     * volumes by default, and every declared volume is named); {@code label} is its {@code --filter
     * label=KEY[=VALUE]}, and {@code matching} the declared volumes it lets through. A prune that
     * removes nothing says why in the timeline.
     */
    record VolumePrune(String node, boolean all, Optional<String> label, Set<String> matching) implements Action {
        public VolumePrune {
            matching = Collections.unmodifiableSortedSet(new TreeSet<>(matching));
        }

        public String keyword() {
            return "volume_prune";
        }

        public List<Cluster.Command> commands() {
            return List.of(new Cluster.PruneVolumes(node, all, matching));
        }

        public String describe() {
            return "volume_prune " + node + (all ? " --all" : "") + label.map(l -> " --filter label=" + l).orElse("");
        }
    }

    /**
     * A registry stops answering ({@code registry_down}) or answers again ({@code registry_up}): a
     * pull from it fails meanwhile, as each strategy fails it.
     */
    record Registry(String registry, boolean up) implements Action {
        public String keyword() {
            return up ? "registry_up" : "registry_down";
        }

        public List<Cluster.Command> commands() {
            return List.of(new Cluster.Registry(registry, up));
        }

        public String describe() {
            return keyword() + " " + registry;
        }
    }

    /**
     * The firewall in front of a node starts dropping inbound packets that match {@code rules}
     * ({@code drop}), or lets them in again ({@code accept}): {@code firewall: {node, drop: [4789/udp]}}.
     */
    record Firewall(String node, boolean drop, List<FirewallRule> rules) implements Action {
        public Firewall {
            rules = List.copyOf(rules);
        }

        public String keyword() {
            return "firewall";
        }

        public List<Cluster.Command> commands() {
            return List.of(new Cluster.Firewall(node, drop, rules));
        }

        public String describe() {
            return "firewall " + node + (drop ? " drop " : " accept ")
                    + rules.stream().map(FirewallRule::toString).collect(Collectors.joining(","));
        }
    }
}
