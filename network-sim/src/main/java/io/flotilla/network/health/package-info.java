/**
 * Health timing: when a compose healthcheck first passes or declares a container unhealthy, how a
 * graceful stop takes a task out of service (de-weight, converge delay, grace period), and when a
 * Kubernetes readiness probe flips a pod's readiness. Pure arithmetic over virtual time.
 */
package io.flotilla.network.health;
