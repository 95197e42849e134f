package io.flotilla.network.overlay;

import java.util.Optional;

/** An IPv4 subnet such as {@code 10.0.1.0/24}. */
public record Subnet(int base, int prefix) {

    public Subnet {
        if (prefix < 1 || prefix > 30) {
            throw new IllegalArgumentException("prefix length must be within 1..30, got " + prefix);
        }
        base = base & mask(prefix);
    }

    /** Parses {@code a.b.c.d/n}; empty when the text is not such a subnet. */
    public static Optional<Subnet> parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            int prefix = Integer.parseInt(parts[1]);
            Optional<Integer> address = parseAddress(parts[0]);
            if (address.isEmpty() || prefix < 1 || prefix > 30) {
                return Optional.empty();
            }
            return Optional.of(new Subnet(address.get(), prefix));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Parses a dotted IPv4 address into its 32 bits; empty when the text is not one. */
    public static Optional<Integer> parseAddress(String text) {
        String[] octets = text.split("\\.");
        if (octets.length != 4) {
            return Optional.empty();
        }
        int value = 0;
        for (String octet : octets) {
            if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
                return Optional.empty();
            }
            value = (value << 8) | Integer.parseInt(octet);
        }
        return Optional.of(value);
    }

    public int size() {
        return 1 << (32 - prefix);
    }

    /** The address at {@code offset} from the subnet's base. */
    public String address(int offset) {
        return format(base + offset);
    }

    /** Whether the address lies in this subnet (network and broadcast addresses included). */
    public boolean contains(String address) {
        return parseAddress(address).map(a -> (a & mask(prefix)) == base).orElse(false);
    }

    public boolean overlaps(Subnet other) {
        int shorter = Math.min(prefix, other.prefix);
        return (base & mask(shorter)) == (other.base & mask(shorter));
    }

    /** Dotted text of a 32-bit IPv4 address. */
    public static String format(int address) {
        return (address >>> 24) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "." + (address & 255);
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    @Override
    public String toString() {
        return format(base) + "/" + prefix;
    }
}
