package io.flotilla.network.lb;

import java.util.Arrays;

/**
 * One IPVS virtual service with the round-robin scheduler, as Swarm programs it in a node's load
 * balancer sandbox (one per overlay network per node; {@code SchedName: ipvs.RoundRobin}, every
 * destination added with weight 1, set to weight 0 to de-weight it during a graceful removal).
 *
 * <p>The ring and its pointer follow the kernel's {@code ip_vs_rr} where the model has to choose:
 * <ul>
 *   <li>destinations sit in the ring in the order they were added; a new one goes after all the
 *       others and the pointer does not move, so it is reached when the walk comes round to it;
 *   <li>a pick walks on from the destination picked last and takes the first one whose weight is
 *       above 0 (rr honours weight 0 only: 1 and 5 are picked alike);
 *   <li>removing the destination the pointer is on moves the pointer back one place, so the walk
 *       continues with its successor ({@code ip_vs_rr_del_dest});
 *   <li>with every destination at weight 0 there is nothing to pick: the connection is dropped.
 * </ul>
 * Destinations are backend ids ({@link io.flotilla.network.request.Backends}).
 */
public final class IpvsService {

    private int[] dests = new int[4];
    private int[] weights = new int[4];
    private int size;
    private int pointer = -1;

    /** Adds a destination at the end of the ring; one already there just takes the new weight. */
    public void add(int backend, int weight) {
        int i = indexOf(backend);
        if (i >= 0) {
            weights[i] = weight;
            return;
        }
        if (size == dests.length) {
            dests = Arrays.copyOf(dests, size * 2);
            weights = Arrays.copyOf(weights, size * 2);
        }
        dests[size] = backend;
        weights[size] = weight;
        size++;
    }

    public void setWeight(int backend, int weight) {
        int i = indexOf(backend);
        if (i >= 0) {
            weights[i] = weight;
        }
    }

    /** Removes a destination; returns whether it was there. */
    public boolean remove(int backend) {
        int i = indexOf(backend);
        if (i < 0) {
            return false;
        }
        System.arraycopy(dests, i + 1, dests, i, size - i - 1);
        System.arraycopy(weights, i + 1, weights, i, size - i - 1);
        size--;
        if (i <= pointer) {
            pointer--;
        }
        return true;
    }

    /** The next destination with weight above 0, or -1 when there is none. */
    public int pick() {
        int n = size;
        int p = pointer;
        for (int step = 1; step <= n; step++) {
            int j = p + step;
            if (j >= n) {
                j -= n;
            }
            if (weights[j] > 0) {
                pointer = j;
                return dests[j];
            }
        }
        return -1;
    }

    public int size() {
        return size;
    }

    /** Destinations with weight above 0. */
    public int enabled() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (weights[i] > 0) {
                n++;
            }
        }
        return n;
    }

    public int destination(int index) {
        return dests[index];
    }

    public int weight(int index) {
        return weights[index];
    }

    private int indexOf(int backend) {
        for (int i = 0; i < size; i++) {
            if (dests[i] == backend) {
                return i;
            }
        }
        return -1;
    }
}
