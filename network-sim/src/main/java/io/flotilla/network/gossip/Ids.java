package io.flotilla.network.gossip;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Member ids gathered for one decision (whom to gossip to, to probe through, to sync with), reused
 * from one decision to the next: the model takes thousands of them a second of virtual time, and
 * each would otherwise be an array as long as the cluster. Read it before gathering again.
 */
final class Ids {

    private int[] items = new int[64];
    private int size;

    void clear() {
        size = 0;
    }

    void add(int id) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = id;
    }

    int size() {
        return size;
    }

    int get(int i) {
        return items[i];
    }

    int[] toArray() {
        return Arrays.copyOf(items, size);
    }

    /**
     * Up to {@code k} distinct ids, uniformly at random (memberlist {@code kRandomNodes}): the first
     * {@code k} steps of a Fisher-Yates shuffle, done in place, so the ids are left reordered.
     */
    int[] pick(int k, SplittableRandom random) {
        int n = Math.min(k, size);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(size - i);
            int x = items[i];
            items[i] = items[j];
            items[j] = x;
        }
        return Arrays.copyOf(items, n);
    }
}
