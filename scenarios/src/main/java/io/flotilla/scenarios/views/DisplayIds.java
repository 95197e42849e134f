package io.flotilla.scenarios.views;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identifiers the views show where the real tools show random ones, drawn from the run instead
 * of a random source: each is the SHA-256 of the seed, a kind ({@code task}, {@code node},
 * {@code service}...) and the simulator's own name for the thing ({@code web.2#1}, {@code worker-1}),
 * so the same run always shows the same IDs and two runs with different seeds show different ones.
 *
 * <p>A Swarm ID is shaped as swarmkit's {@code identity.NewID} shapes its random bytes: 17 bytes
 * with the high bit set, written in base 36, the first digit dropped, 25 characters kept.
 */
public final class DisplayIds {

    private final long seed;

    public DisplayIds(long seed) {
        this.seed = seed;
    }

    /** A 25-character swarmkit ID ({@code docker node ls} shows it whole, {@code docker service ps} its first 12). */
    public String swarm(String kind, String name) {
        byte[] p = Arrays.copyOf(digest(kind, name), 17);
        p[0] |= (byte) 0x80;
        return new BigInteger(1, p).toString(36).substring(1, 26);
    }

    /** A 64-hex-digit container ID, as the engine and containerd name containers. */
    public String container(String name) {
        return HexFormat.of().formatHex(digest("container", name));
    }

    /** A {@code sha256:} digest standing for an image's content. */
    public String imageDigest(String image) {
        return "sha256:" + HexFormat.of().formatHex(digest("image", image));
    }

    /** A Kubernetes UID (an RFC 4122 version 4 UUID in form). */
    public String uid(String kind, String name) {
        byte[] d = digest(kind, name);
        d[6] = (byte) ((d[6] & 0x0f) | 0x40);
        d[8] = (byte) ((d[8] & 0x3f) | 0x80);
        String hex = HexFormat.of().formatHex(d, 0, 16);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    /** A number in {@code [from, from + span)} that stands for a process ID. */
    public int number(String kind, String name, int from, int span) {
        return from + new BigInteger(1, digest(kind, name)).mod(BigInteger.valueOf(span)).intValue();
    }

    private byte[] digest(String kind, String name) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return sha.digest((seed + "\n" + kind + "\n" + name).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
