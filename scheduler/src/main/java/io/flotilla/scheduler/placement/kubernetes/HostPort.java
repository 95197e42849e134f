package io.flotilla.scheduler.placement.kubernetes;


/**
 * A port the pod binds on its node ({@code containerPort.hostPort}), checked by NodePorts. An empty
 * {@code hostIP} means every address (0.0.0.0), which conflicts with the same protocol and port on
 * any address.
 */
public record HostPort(String protocol, int port, String hostIP) {

    public static HostPort tcp(int port) {
        return new HostPort("TCP", port, "");
    }

    /** The address as upstream compares it: empty becomes {@code 0.0.0.0}. */
    String address() {
        return hostIP.isEmpty() ? "0.0.0.0" : hostIP;
    }

    /** Upstream {@code HostPortInfo.CheckConflict}: same protocol and port, and the same address or a wildcard. */
    public boolean conflictsWith(HostPort other) {
        if (port != other.port || !protocol.equals(other.protocol)) {
            return false;
        }
        String a = address();
        String b = other.address();
        return a.equals(b) || a.equals("0.0.0.0") || b.equals("0.0.0.0");
    }
}
