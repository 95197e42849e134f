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
 */
final class TableLog {

    final String network;
    private final List<String> keys = new ArrayList<>();
    private final Map<String, Integer> keyIndex = new HashMap<>();
    /** Per key: its versions, oldest first. */
    private int[][] keyVersions = new int[16][];
    private int[] keyVersionCount = new int[16];
    /** Per owner (peer id): the keys it has written, in the order it first wrote them. */
    private final Map<Integer, List<Integer>> keysByOwner = new HashMap<>();

    private int size;
    private int[] versionKey = new int[64];
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
        if (next >= keyVersions.length) {
            keyVersions = Arrays.copyOf(keyVersions, next * 2);
            keyVersionCount = Arrays.copyOf(keyVersionCount, next * 2);
        }
        keyVersions[next] = new int[2];
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
            versionOwner = Arrays.copyOf(versionOwner, n);
            versionOwnerGen = Arrays.copyOf(versionOwnerGen, n);
            versionLamport = Arrays.copyOf(versionLamport, n);
            versionValue = Arrays.copyOf(versionValue, n);
        }
        int v = size++;
        versionKey[v] = key;
        versionOwner[v] = owner;
        versionOwnerGen[v] = ownerGen;
        versionLamport[v] = lamport;
        versionValue[v] = value;
        int[] list = keyVersions[key];
        if (keyVersionCount[key] == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            keyVersions[key] = list;
        }
        list[keyVersionCount[key]++] = v;
        List<Integer> owned = keysByOwner.computeIfAbsent(owner, o -> new ArrayList<>());
        if (keyVersionCount[key] == 1 || !owned.contains(key)) {
            owned.add(key);
        }
        return v;
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
