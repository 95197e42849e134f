/**
 * NodeResourcesFit and NodeResourcesBalancedAllocation (upstream {@code plugins/noderesources}):
 * the resource filter and the resource scores, with the integer arithmetic they share.
 */
package io.flotilla.scheduler.placement.kubernetes.plugins.noderesources;
