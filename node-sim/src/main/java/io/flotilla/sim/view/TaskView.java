package io.flotilla.sim.view;

import io.flotilla.scheduler.model.TaskState;
import io.flotilla.sim.events.TaskSecrets;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One task as the log tells it: {@code state} is what is really true, {@code believed} what the
 * manager records; {@code error} is the failure or, while pending, why it is not placed;
 * {@code health} the result of its health check or readiness probe, once it has one; {@code
 * secrets} and {@code configs} what it is granted, as its container sees them.
 */
public final class TaskView {
    public final String id;
    public final String name;
    public final String service;
    public final int slot;
    public final int version;
    public final String image;
    /**
     * Network name to the task's address on it: those it was created with, then each one it was
     * given later (a pod's IP once it has a sandbox); read-only.
     */
    public final SortedMap<String, String> addresses;
    private final TreeMap<String, String> ownAddresses;
    String node;
    TaskState state = TaskState.NEW;
    TaskState believed = TaskState.NEW;
    TaskState desired;
    String error;
    String health;
    List<TaskSecrets.GrantedFile> secrets = List.of();
    List<TaskSecrets.GrantedFile> configs = List.of();
    boolean paused;
    /** The node whose images the task's image is among since it was prepared there: a node keeps its images. */
    String imageListedOn;

    TaskView(String id, String name, String service, int slot, int version, String image, String node, TaskState desired,
            SortedMap<String, String> addresses) {
        this.id = id;
        this.name = name;
        this.service = service;
        this.slot = slot;
        this.version = version;
        this.image = image;
        this.node = node;
        this.desired = desired;
        this.ownAddresses = new TreeMap<>();
        if (!addresses.isEmpty()) {
            ownAddresses.putAll(addresses); // copying an empty map would still make its entry set, kept for good
        }
        this.addresses = Collections.unmodifiableSortedMap(ownAddresses);
    }

    void addressed(String network, String address) {
        ownAddresses.put(network, address);
    }

    public java.util.Optional<String> node() {
        return java.util.Optional.ofNullable(node);
    }

    public TaskState state() {
        return state;
    }

    public TaskState believed() {
        return believed;
    }

    public TaskState desired() {
        return desired;
    }

    public java.util.Optional<String> error() {
        return java.util.Optional.ofNullable(error);
    }

    /** {@code starting}, {@code healthy} or {@code unhealthy}; empty for a task that has no check (or none reported yet). */
    public Optional<String> health() {
        return Optional.ofNullable(health);
    }

    /** The secrets the task's container sees, sorted by name; empty for a task granted none. */
    public List<TaskSecrets.GrantedFile> secrets() {
        return secrets;
    }

    /** The configs the task's container sees, sorted by name. */
    public List<TaskSecrets.GrantedFile> configs() {
        return configs;
    }

    /** Whether an operator's {@code docker pause} froze its container, which still runs for its orchestrator. */
    public boolean paused() {
        return paused;
    }

    public boolean isRunning() {
        return state == TaskState.RUNNING;
    }

    /**
     * Asked to shut down and still held by the manager, which has not learnt that it stopped: under
     * the kubernetes strategy, a Terminating pod (its object goes when the manager records
     * {@code shutdown}), wherever its container really is.
     */
    public boolean isTerminating() {
        return desired == TaskState.SHUTDOWN && believed != TaskState.SHUTDOWN;
    }
}
