/**
 * The cluster model that scheduling and orchestration decisions read: nodes and their resources,
 * services and their task template (with the Kubernetes-only pod inputs a workload may add), tasks
 * and their states. Plain immutable records; the simulation owns the mutable store and hands
 * snapshots of these to the pure decision code.
 */
package io.flotilla.scheduler.model;
