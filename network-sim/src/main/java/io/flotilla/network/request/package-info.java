/**
 * One request's fate: the target as a client names it, the single result (served, or nxdomain,
 * no_route, refused, timeout, reset), the truth about which backends serve, and a client's counters.
 * The routers that decide live with each orchestrator's data plane.
 */
package io.flotilla.network.request;
