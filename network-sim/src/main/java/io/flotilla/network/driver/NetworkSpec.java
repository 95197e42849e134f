package io.flotilla.network.driver;

import io.flotilla.network.overlay.Mtu;
import io.flotilla.network.overlay.Subnet;
import java.util.Optional;

/**
 * A declared network: its name, driver, optional subnet, and for overlays whether it is encrypted and
 * the underlay MTU it assumes ({@code com.docker.network.driver.mtu}, default 1500).
 */
public record NetworkSpec(String name, Driver driver, Optional<Subnet> subnet, boolean encrypted, int underlayMtu) {

    public static NetworkSpec overlay(String name) {
        return new NetworkSpec(name, Driver.OVERLAY, Optional.empty(), false, Mtu.UNDERLAY_DEFAULT);
    }

    public static NetworkSpec of(String name, Driver driver) {
        return new NetworkSpec(name, driver, Optional.empty(), false, Mtu.UNDERLAY_DEFAULT);
    }

    public NetworkSpec withSubnet(Subnet s) {
        return new NetworkSpec(name, driver, Optional.of(s), encrypted, underlayMtu);
    }

    public NetworkSpec encrypt() {
        return new NetworkSpec(name, driver, subnet, true, underlayMtu);
    }
}
