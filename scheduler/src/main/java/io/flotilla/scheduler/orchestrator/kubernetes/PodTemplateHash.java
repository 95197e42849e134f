package io.flotilla.scheduler.orchestrator.kubernetes;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * The {@code pod-template-hash} of a ReplicaSet and the {@code controller-revision-hash} of a
 * DaemonSet revision (upstream {@code controller.ComputeHash}): the FNV-32a hash of the pod template
 * as printed, then of the deployment's collision count if it has one (its 4 bytes little-endian and
 * 4 zero bytes), written in decimal and encoded in {@link SafeAlphanumerics}. Upstream prints the
 * template's Go struct field by field ({@code DeepHashObject}); the caller gives the simulator's
 * printed template, so equal templates hash alike and a change to any field changes the hash.
 */
public final class PodTemplateHash {

    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private PodTemplateHash() {}

    /** A hash no other ReplicaSet of the deployment has, and the collision count that gave it. */
    public record Unique(String hash, OptionalInt collisionCount) {}

    /**
     * The template's hash, the collision count raised (from none to 1, then by 1) while another
     * template of the deployment has that hash already. Upstream learns of the collision when the
     * ReplicaSet's name exists with another template, raises {@code status.collisionCount} and
     * tries again; this tries again at once.
     */
    public static Unique unique(String template, OptionalInt collisionCount, Predicate<String> taken) {
        OptionalInt count = collisionCount;
        String hash = of(template, count);
        while (taken.test(hash)) {
            count = OptionalInt.of(count.orElse(0) + 1);
            hash = of(template, count);
        }
        return new Unique(hash, count);
    }

    /**
     * @param template the pod template as printed
     * @param collisionCount the deployment's {@code status.collisionCount}; empty until a hash collided
     */
    public static String of(String template, OptionalInt collisionCount) {
        int hash = fnv32a(FNV_OFFSET, template.getBytes(StandardCharsets.UTF_8));
        if (collisionCount.isPresent()) {
            int c = collisionCount.getAsInt();
            hash = fnv32a(hash, new byte[] {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24), 0, 0, 0, 0});
        }
        return SafeAlphanumerics.encode(Integer.toUnsignedString(hash));
    }

    /** FNV-1a, 32 bits, continuing from {@code hash}. */
    static int fnv32a(int hash, byte[] bytes) {
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** FNV-1a, 32 bits, of {@code text}'s UTF-8 bytes, from the offset basis. */
    static int fnv32a(String text) {
        return fnv32a(FNV_OFFSET, text.getBytes(StandardCharsets.UTF_8));
    }
}
