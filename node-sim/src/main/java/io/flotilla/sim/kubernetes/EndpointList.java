package io.flotilla.sim.kubernetes;

import io.flotilla.network.kubernetes.EndpointsChange;
import io.flotilla.sim.control.ServiceEndpoint;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A Service's endpoints as the EndpointSlice controller writes them, each with the pod it was made
 * of: an immutable list kept in chunks, so that the next list, which is mostly this one with a few
 * endpoints changed, shares every chunk before its first change instead of copying a thousand
 * entries each time. The pods are in store order (oldest first), as the controller lists them.
 */
final class EndpointList extends AbstractList<ServiceEndpoint> implements RandomAccess, EndpointsChange.SharesPrefix {

    private static final int SHIFT = 6;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    static final EndpointList EMPTY = new EndpointList(new ServiceEndpoint[0][], new PodState[0][], 0);

    /** Full chunks, then the last one, filled up to {@code size}; never written once the list is built. */
    private final ServiceEndpoint[][] chunks;
    private final PodState[][] pods;
    private final int size;

    private EndpointList(ServiceEndpoint[][] chunks, PodState[][] pods, int size) {
        this.chunks = chunks;
        this.pods = pods;
        this.size = size;
    }

    @Override
    public ServiceEndpoint get(int index) {
        check(index);
        return chunks[index >>> SHIFT][index & MASK];
    }

    /** The pod the endpoint at {@code index} was made of. */
    PodState pod(int index) {
        check(index);
        return pods[index >>> SHIFT][index & MASK];
    }

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * The leading chunks this list shares with {@code older}, by identity: a chunk is shared only
     * whole and never written once built, so its endpoints are the other list's without a look at
     * each. A Service's next list shares every chunk before its first change.
     */
    @Override
    public int sharedPrefix(List<?> older) {
        if (!(older instanceof EndpointList o)) {
            return 0;
        }
        int full = Math.min(size, o.size) >>> SHIFT;
        int c = 0;
        while (c < full && chunks[c] == o.chunks[c]) {
            c++;
        }
        return c << SHIFT;
    }

    /** The index of the first endpoint whose pod was stored at or after {@code storeOrder}; size if none. */
    int firstFrom(long storeOrder) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pod(mid).storeOrder < storeOrder) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A builder of a list whose first {@code prefix} endpoints are this list's. */
    Builder startingWith(int prefix) {
        return new Builder(this, prefix);
    }

    /** Builds a list from another's first endpoints, appending one at a time; used once. */
    static final class Builder {
        private ServiceEndpoint[][] chunks;
        private PodState[][] pods;
        private int size;

        private Builder(EndpointList base, int prefix) {
            if (prefix < 0 || prefix > base.size) {
                throw new IndexOutOfBoundsException("prefix " + prefix + ", size " + base.size);
            }
            int shared = prefix >>> SHIFT; // the chunks wholly before the prefix's end are shared, never written
            chunks = Arrays.copyOf(base.chunks, Math.max(shared + 1, base.chunks.length));
            pods = Arrays.copyOf(base.pods, chunks.length);
            Arrays.fill(chunks, shared, chunks.length, null);
            Arrays.fill(pods, shared, pods.length, null);
            int rest = prefix & MASK;
            if (rest > 0) {
                chunks[shared] = Arrays.copyOf(base.chunks[shared], CHUNK);
                pods[shared] = Arrays.copyOf(base.pods[shared], CHUNK);
                Arrays.fill(chunks[shared], rest, CHUNK, null);
                Arrays.fill(pods[shared], rest, CHUNK, null);
            }
            size = prefix;
        }

        Builder add(ServiceEndpoint e, PodState p) {
            int c = size >>> SHIFT;
            if (c == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunks.length * 2 + 1);
                pods = Arrays.copyOf(pods, chunks.length);
            }
            if (chunks[c] == null) {
                chunks[c] = new ServiceEndpoint[CHUNK];
                pods[c] = new PodState[CHUNK];
            }
            chunks[c][size & MASK] = e;
            pods[c][size & MASK] = p;
            size++;
            return this;
        }

        EndpointList build() {
            int used = (size + MASK) >>> SHIFT;
            return new EndpointList(Arrays.copyOf(chunks, used), Arrays.copyOf(pods, used), size);
        }
    }
}
