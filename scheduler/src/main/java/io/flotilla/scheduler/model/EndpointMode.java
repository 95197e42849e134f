package io.flotilla.scheduler.model;

/** How a service name resolves: to one virtual IP, or to the addresses of all its tasks. */
public enum EndpointMode {
    VIP,
    DNSRR
}
