package io.flotilla.sim.kubernetes;

import io.flotilla.sim.control.ServiceEndpoint;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * A Service's endpoints as the EndpointSlice controller writes them: an immutable list kept in
 * chunks, so that the next list, which is mostly this one with a few endpoints changed near its
 * end, shares every chunk before its first change instead of copying a thousand entries each time.
 */
final class EndpointList extends AbstractList<ServiceEndpoint> implements RandomAccess {

    private static final int SHIFT = 6;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    static final EndpointList EMPTY = new EndpointList(new ServiceEndpoint[0][], 0);

    /** Full chunks, then the last one, filled up to {@code size}; never written once the list is built. */
    private final ServiceEndpoint[][] chunks;
    private final int size;

    private EndpointList(ServiceEndpoint[][] chunks, int size) {
        this.chunks = chunks;
        this.size = size;
    }

    @Override
    public ServiceEndpoint get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return chunks[index >>> SHIFT][index & MASK];
    }

    @Override
    public int size() {
        return size;
    }

    /** A builder of a list whose first {@code prefix} endpoints are this list's. */
    Builder startingWith(int prefix) {
        return new Builder(this, prefix);
    }

    /** Builds a list from another's first endpoints, appending one at a time. */
    static final class Builder {
        private ServiceEndpoint[][] chunks;
        private int size;
        /** How many of the first chunks are the base list's, shared and not to be written. */
        private final int shared;

        private Builder(EndpointList base, int prefix) {
            if (prefix < 0 || prefix > base.size) {
                throw new IndexOutOfBoundsException("prefix " + prefix + ", size " + base.size);
            }
            shared = prefix >>> SHIFT;
            chunks = Arrays.copyOf(base.chunks, Math.max(shared + 1, base.chunks.length));
            Arrays.fill(chunks, shared, chunks.length, null);
            int rest = prefix & MASK;
            if (rest > 0) {
                chunks[shared] = Arrays.copyOf(base.chunks[shared], CHUNK);
                Arrays.fill(chunks[shared], rest, CHUNK, null);
            }
            size = prefix;
        }

        Builder add(ServiceEndpoint e) {
            int c = size >>> SHIFT;
            if (c == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunks.length * 2 + 1);
            }
            if (chunks[c] == null) {
                chunks[c] = new ServiceEndpoint[CHUNK];
            }
            chunks[c][size & MASK] = e;
            size++;
            return this;
        }

        EndpointList build() {
            return new EndpointList(Arrays.copyOf(chunks, (size + MASK) >>> SHIFT), size);
        }
    }
}
