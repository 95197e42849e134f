package io.flotilla.sim.control;

import io.flotilla.network.driver.Driver;
import io.flotilla.network.driver.NetworkSpec;
import io.flotilla.network.overlay.Mtu;
import io.flotilla.network.overlay.Subnet;
import java.util.Optional;

/**
 * A user-defined network: its name, its driver, its subnet in CIDR notation when one is fixed, and
 * whether an overlay's traffic is encrypted (IPsec, a smaller MTU).
 */
public record NetworkSetup(String name, Driver driver, Optional<String> subnet, boolean encrypted) {

    /** An unencrypted overlay network. */
    public NetworkSetup(String name, Optional<String> subnet) {
        this(name, Driver.OVERLAY, subnet, false);
    }

    /** The network as the network model takes it (a subnet that does not parse is left to the pool). */
    public NetworkSpec spec() {
        return new NetworkSpec(name, driver, subnet.flatMap(Subnet::parse), encrypted, Mtu.UNDERLAY_DEFAULT);
    }
}
