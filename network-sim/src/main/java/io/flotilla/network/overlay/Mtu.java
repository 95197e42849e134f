package io.flotilla.network.overlay;

/**
 * The overlay's MTU, as the overlay driver computes it ({@code encryption.go maxMTU}): start from
 * the underlay's MTU (1500, or the network's {@code com.docker.network.driver.mtu} option, which the
 * code treats as the underlay's), take off the 50 bytes of VXLAN encapsulation (outer IPv4 20, UDP 8,
 * VXLAN 8, inner Ethernet 14), and on an encrypted network also the 26 bytes of ESP (SPI 4, sequence
 * 4, IV 8, pad length 1, next header 1, ICV 8), rounded down to a multiple of 4. So 1450 plain and
 * 1424 encrypted by default; an option of 1200 gives 1150.
 */
public final class Mtu {

    public static final int UNDERLAY_DEFAULT = 1500;
    public static final int VXLAN_ENCAP = 50;
    public static final int ESP_EXPANSION = 26;

    private Mtu() {}

    public static int overlay(int underlayMtu, boolean encrypted) {
        int mtu = underlayMtu - VXLAN_ENCAP;
        if (encrypted) {
            mtu -= ESP_EXPANSION;
            mtu -= mtu % 4;
        }
        return mtu;
    }
}
