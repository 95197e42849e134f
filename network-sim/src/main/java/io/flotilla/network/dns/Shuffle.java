package io.flotilla.network.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The order of a multi-address answer. The embedded DNS shuffles every answer at random ({@code
 * rand.Shuffle} in {@code resolver.go}), it does not rotate; the model shuffles with the node's
 * {@code dns.shuffle.<host>} stream (Fisher-Yates, from the last place down).
 */
public final class Shuffle {

    private Shuffle() {}

    public static List<String> shuffled(List<String> addresses, SplittableRandom random) {
        List<String> out = new ArrayList<>(addresses);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String x = out.get(i);
            out.set(i, out.get(j));
            out.set(j, x);
        }
        return out;
    }
}
