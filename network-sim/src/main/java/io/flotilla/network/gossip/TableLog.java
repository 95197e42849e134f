package io.flotilla.network.gossip;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every write ever made to one network's table, by any owner, in the order they were made: each
 * write is a <em>version</em> of a key, numbered from 0. Writes are stamped with the cluster's Lamport
 * clock as they are made, so a higher version number is a later Lamport time, and NetworkDB's "last
 * writer wins" is "the highest version wins". Replicas ({@link Replica}) hold version numbers into
 * this log, so that a thousand nodes holding the same entry share one copy of it, and telling what
 * one node has that another lacks is a walk over bits.
 *
 * <p>Everything is kept in flat arrays by version or by key (a key's versions are a chain from its
 * newest back through {@link #previous}), because bulk syncs look up millions of them.
 */
final class TableLog {

    final String network;
    private final List<String> keys = new ArrayList<>();
    private final Map<String, Integer> keyIndex = new HashMap<>();
    /** By key: its newest version, or {@link Replica#NONE} before its first write. */
    private int[] keyNewest = new int[16];
    /** Per owner (peer id): the keys it has written, in the order it first wrote them. */
    private final Map<Integer, List<Integer>> keysByOwner = new HashMap<>();

    private int size;
    private int[] versionKey = new int[64];
    /** By version: the version of the same key before it, or {@link Replica#NONE}. */
    private int[] versionPrevious = new int[64];
    private int[] versionOwner = new int[64];
    private int[] versionOwnerGen = new int[64];
    private long[] versionLamport = new long[64];
    @SuppressWarnings("unchecked")
    private Optional<Endpoint>[] versionValue = new Optional[64];

    TableLog(String network) {
        this.network = network;
    }

    /** The index of {@code key}, registered on first sight. */
    int key(String key) {
        Integer k = keyIndex.get(key);
        if (k != null) {
            return k;
        }
        int next = keys.size();
        keys.add(key);
        keyIndex.put(key, next);
        if (next >= keyNewest.length) {
            int n = next * 2;
            keyNewest = Arrays.copyOf(keyNewest, n);
        }
        keyNewest[next] = Replica.NONE;
        return next;
    }

    int keys() {
        return keys.size();
    }

    String keyName(int k) {
        return keys.get(k);
    }

    /** Appends a write and returns its version number. */
    int append(int key, int owner, int ownerGen, long lamport, Optional<Endpoint> value) {
        if (size == versionKey.length) {
            int n = size * 2;
            versionKey = Arrays.copyOf(versionKey, n);
            versionPrevious = Arrays.copyOf(versionPrevious, n);
            versionOwner = Arrays.copyOf(versionOwner, n);
            versionOwnerGen = Arrays.copyOf(versionOwnerGen, n);
            versionLamport = Arrays.copyOf(versionLamport, n);
            versionValue = Arrays.copyOf(versionValue, n);
        }
        int v = size++;
        boolean first = keyNewest[key] == Replica.NONE;
        versionKey[v] = key;
        versionPrevious[v] = keyNewest[key];
        versionOwner[v] = owner;
        versionOwnerGen[v] = ownerGen;
        versionLamport[v] = lamport;
        versionValue[v] = value;
        keyNewest[key] = v;
        List<Integer> owned = keysByOwner.computeIfAbsent(owner, o -> new ArrayList<>());
        if (first || !owned.contains(key)) {
            owned.add(key);
        }
        return v;
    }

    /**
     * The version of {@code key} whose bit is set in the first {@code words} words of {@code held} (a
     * replica's held versions, at most one per key), or {@link Replica#NONE}: the newest is looked at first, and a key has few versions.
     */
    int heldVersion(int key, long[] held, int words) {
        int v = key < keyNewest.length ? keyNewest[key] : Replica.NONE;
        while (v != Replica.NONE) {
            int w = v >>> 6;
            if (w < words && (held[w] & (1L << (v & 63))) != 0) {
                return v;
            }
            v = versionPrevious[v];
        }
        return Replica.NONE;
    }

    /** The version of the same key written before {@code version}, or {@link Replica#NONE}. */
    int previous(int version) {
        return versionPrevious[version];
    }

    int versions() {
        return size;
    }

    int keyOf(int version) {
        return versionKey[version];
    }

    int owner(int version) {
        return versionOwner[version];
    }

    int ownerGen(int version) {
        return versionOwnerGen[version];
    }

    long lamport(int version) {
        return versionLamport[version];
    }

    Optional<Endpoint> value(int version) {
        return versionValue[version];
    }

    /** The keys {@code owner} ever wrote, in the order it first wrote them. */
    List<Integer> keysOf(int owner) {
        return keysByOwner.getOrDefault(owner, List.of());
    }
}
