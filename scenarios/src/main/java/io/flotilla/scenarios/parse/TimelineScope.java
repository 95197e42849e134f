package io.flotilla.scenarios.parse;

import io.flotilla.scenarios.model.Strategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * What a timeline action's binder reads against: the file's nodes (and their zones), networks, storage classes and volumes,
 * the workloads deployed before the item, and where to report. Items are bound in time order, so
 * a {@code deploy} adds to {@code workloads} for the items after it.
 */
final class TimelineScope {

    final Problems problems;
    final Set<String> nodes;
    /** Each zone a node is in, with its nodes in declaration order; zones in order of first appearance. */
    final Map<String, List<String>> zones;
    final Workloads workloads;
    final Set<String> networks;
    final Set<String> storageClasses;
    /** The volumes items may name: declared ones and statefulsets' claims. */
    final VolumeNames volumes;
    /** What a deployed service may name: the networks, the secrets and configs, the file's strategy. */
    final ServicesBinder.Scope services;
    /** The strategy the file names: what only the other strategy cannot run is reported for it alone. */
    final Strategy strategy;
    /** Every image a deploy or update names, for the scenario's image table. */
    final Set<String> images;
    /** The registries images are pulled from, {@code hub} among them; shared by every item's scope. */
    final Set<String> registries;
    /** The item's time (virtual nanoseconds) and its place in the file, which orders items at one time. */
    final long at;
    final int seq;
    /** The services and statefulsets the item sees. */
    final Workloads.View view;
    /** What the items before this one did; a binder updates it with what its item does. */
    final TimelineState state;
    /** Whether the item is well formed (a time and one action); only such an item is warned about. */
    private final boolean valid;

    private TimelineScope(Problems problems, Set<String> nodes, Map<String, List<String>> zones, Workloads workloads,
            Set<String> networks, Set<String> storageClasses, VolumeNames volumes, ServicesBinder.Scope services,
            Set<String> images, Set<String> registries, TimelineState state, long at, int seq, boolean valid) {
        this.problems = problems;
        this.nodes = nodes;
        this.zones = zones;
        this.workloads = workloads;
        this.networks = networks;
        this.storageClasses = storageClasses;
        this.volumes = volumes;
        this.services = services;
        this.strategy = services.strategy();
        this.images = images;
        this.registries = registries;
        this.state = state;
        this.at = at;
        this.seq = seq;
        this.valid = valid;
        this.view = workloads.beforeItem(at, seq);
    }

    /** The scope of a file's timeline, before any item. */
    static TimelineScope of(Problems problems, Set<String> nodes, Map<String, List<String>> zones, Workloads workloads,
            Set<String> networks, Set<String> storageClasses, VolumeNames volumes, ServicesBinder.Scope services,
            Set<String> images, TimelineState state) {
        return new TimelineScope(problems, nodes, zones, workloads, networks, storageClasses, volumes, services, images,
                new java.util.TreeSet<>(), state, 0, 0, true);
    }

    /** The same file, at the item {@code seq} of the file, at time {@code at}. */
    TimelineScope item(long itemAt, int itemSeq, boolean itemValid) {
        return new TimelineScope(problems, nodes, zones, workloads, networks, storageClasses, volumes, services, images,
                registries,
                state, itemAt, itemSeq, itemValid);
    }

    /** An action the file shows to do nothing: legal, but probably not meant. */
    void warn(Node at, String message) {
        if (valid) {
            problems.warn(at, message);
        }
    }

    /** A node of the cluster, named by {@code value}; empty after a report when it is not one. */
    Optional<String> node(Node value, String label) {
        Optional<String> name = Values.string(value, label, problems);
        if (name.isPresent() && !nodes.contains(name.get())) {
            problems.add(value, "unknown node '" + name.get() + "'" + Suggestions.didYouMean(name.get(), nodes));
            return Optional.empty();
        }
        return name;
    }
}
