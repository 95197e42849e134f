package io.flotilla.sim.dataplane;

/** IPv4 addresses in dotted form, ordered as numbers rather than as text (10.0.1.9 before 10.0.1.10). */
final class Addresses {

    private Addresses() {}

    /** The address as an unsigned 32-bit number; text that is not an address sorts after every address (2^32). */
    static long numeric(String address) {
        long value = 0;
        int part = 0;
        int parts = 0;
        for (int i = 0; i <= address.length(); i++) {
            char c = i < address.length() ? address.charAt(i) : '.';
            if (c == '.') {
                value = value * 256 + part;
                part = 0;
                parts++;
            } else if (c >= '0' && c <= '9') {
                part = part * 10 + (c - '0');
            } else {
                return 1L << 32;
            }
        }
        return parts == 4 ? value : 1L << 32;
    }
}
