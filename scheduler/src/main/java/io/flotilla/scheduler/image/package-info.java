/**
 * Images as a node's disk and a registry see them: layers named by digest, shared by every image
 * that has them; a registry's bandwidth and latency; what a pull must fetch and how long it takes
 * ({@link io.flotilla.scheduler.image.PullPlan}); whether a node pulls at all under a pull policy
 * ({@link io.flotilla.scheduler.image.PullRules}). Pure functions; the node agents keep the disks
 * and call them.
 */
package io.flotilla.scheduler.image;
