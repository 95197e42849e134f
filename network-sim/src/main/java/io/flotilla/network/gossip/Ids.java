package io.flotilla.network.gossip;

import java.util.Arrays;

/**
 * Member ids gathered for one decision (which failed member to reconnect to, the probe order), reused
 * from one decision to the next: the model takes thousands of them a second of virtual time, and each
 * would otherwise be an array as long as the cluster. Read it before gathering again. Decisions that
 * pick among the members a daemon believes alive or active read bit sets instead ({@link Audience}).
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
}
