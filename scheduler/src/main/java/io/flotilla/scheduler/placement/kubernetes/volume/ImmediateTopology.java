package io.flotilla.scheduler.placement.kubernetes.volume;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a CSI provisioner puts a volume no pod has asked for yet (a claim of Immediate binding):
 * upstream external-provisioner's {@code GenerateAccessibilityRequirements} sorts the topology segments
 * the driver can reach and shifts them by the FNV-32a hash of the claim's name, with a StatefulSet
 * claim's ordinal ({@code data-db-2}: the hash of {@code data-db}, plus 2) added, so that a set's
 * claims spread over the segments one ordinal after the other; the first segment is preferred.
 */
public final class ImmediateTopology {

    private ImmediateTopology() {}

    /** The segment (a node name, a zone) for {@code claim} among {@code segments}; empty when there are none. */
    public static Optional<String> pick(String claim, List<String> segments) {
        if (segments.isEmpty()) {
            return Optional.empty();
        }
        List<String> sorted = new ArrayList<>(segments);
        sorted.sort(null);
        long hash;
        long index = 0;
        int dash = claim.lastIndexOf('-');
        String suffix = dash < 0 ? "" : claim.substring(dash + 1);
        if (!suffix.isEmpty() && suffix.length() <= 9 && suffix.chars().allMatch(Character::isDigit)) {
            hash = fnv32a(claim.substring(0, dash));
            index = Long.parseLong(suffix);
        } else {
            hash = fnv32a(claim);
        }
        return Optional.of(sorted.get((int) (((hash + index) & 0xffffffffL) % sorted.size())));
    }

    static long fnv32a(String s) {
        long h = 0x811c9dc5L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h = (h * 0x01000193L) & 0xffffffffL;
        }
        return h;
    }
}
