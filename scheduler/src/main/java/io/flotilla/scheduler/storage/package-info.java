/**
 * Volumes and their data, for both control planes: where a volume is ({@link Place}), whether a
 * node has it ({@link VolumeState}), and which writes it holds. Pure and strategy-neutral: the
 * caller passes the virtual time of every change; nothing here knows Swarm, Kubernetes or actors.
 *
 * <p>{@link Volumes} is the registry a run keeps: it creates volumes as their {@link VolumeSpec}
 * says (Docker's {@code local} driver makes one per node where a task first mounts it; a pinned
 * volume stays on the node it was made on; a network volume is one copy attachable to one node at
 * a time), records who writes to them, takes backups and restores them, and answers
 * {@link Volumes#dataThrough}. Every call returns the {@link VolumeChange}s it made, which the
 * caller logs as events, or a {@link Refusal} saying why nothing changed.
 *
 * <p>Data is modelled as time: a task that mounts a volume writes to it for as long as it runs.
 * Writes belong to a lineage, the name that survives a replacement ({@code web.1}, {@code db-0}),
 * so a replacement that mounts a different copy (a {@code local} volume on another node) starts
 * without its lineage's earlier writes, and {@code data_through} says so.
 *
 * <p>{@link Replicas} is the application's own asynchronous replication between a statefulset's
 * ordinals ({@link Replication}): ordinal 0 writes, the others keep a copy of its writes a lag
 * behind ({@link ReplicaCopy}) while they can stream it. The orchestrator replicates nothing and
 * promotes nothing; the copy is what a promotion would start from.
 */
package io.flotilla.scheduler.storage;
