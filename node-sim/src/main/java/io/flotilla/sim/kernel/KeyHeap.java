package io.flotilla.sim.kernel;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * A binary heap of items keyed by (time, order), the smallest first; the caller gives every item a
 * key no other has. The keys sit in two flat arrays, so a sift compares numbers next to each other
 * instead of following a pointer to each item.
 */
final class KeyHeap {

    private long[] times = new long[16];
    private long[] orders = new long[16];
    private Object[] items = new Object[16];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void add(long time, long order, Object item) {
        growIfFull();
        siftUp(size++, time, order, item);
    }

    /** Adds an item at the end, out of heap order: {@link #heapify} must follow the last of them. */
    void append(long time, long order, Object item) {
        growIfFull();
        set(size++, time, order, item);
    }

    /** Restores heap order after {@link #append}s, in time linear in the size. */
    void heapify() {
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, times[i], orders[i], items[i]);
        }
    }

    private void growIfFull() {
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            orders = Arrays.copyOf(orders, capacity);
            items = Arrays.copyOf(items, capacity);
        }
    }

    /** The smallest key's time; the heap must not be empty. */
    long peekTime() {
        return times[0];
    }

    /** The smallest key's order; the heap must not be empty. */
    long peekOrder() {
        return orders[0];
    }

    /** The item of the smallest key; the heap must not be empty. */
    Object peek() {
        return items[0];
    }

    /** Takes the item of the smallest key out; the heap must not be empty. */
    Object poll() {
        Object first = items[0];
        int last = --size;
        long time = times[last];
        long order = orders[last];
        Object item = items[last];
        items[last] = null;
        if (last > 0) {
            siftDown(0, time, order, item);
        }
        return first;
    }

    /** Whether {@code test} accepts an item due at or before {@code limit}; visits only those. */
    boolean anyDue(long limit, Predicate<Object> test) {
        return anyDue(0, limit, test);
    }

    private boolean anyDue(int at, long limit, Predicate<Object> test) {
        // A child is never due before its parent, so a subtree whose root is not due is skipped.
        if (at >= size || times[at] > limit) {
            return false;
        }
        return test.test(items[at]) || anyDue(2 * at + 1, limit, test) || anyDue(2 * at + 2, limit, test);
    }

    void clear() {
        Arrays.fill(items, 0, size, null);
        size = 0;
    }

    /** Drops the items {@code filter} accepts; the others keep their keys. */
    void removeIf(Predicate<Object> filter) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (!filter.test(items[i])) {
                times[kept] = times[i];
                orders[kept] = orders[i];
                items[kept] = items[i];
                kept++;
            }
        }
        Arrays.fill(items, kept, size, null);
        size = kept;
        heapify();
    }

    private static boolean before(long time, long order, long otherTime, long otherOrder) {
        return time < otherTime || (time == otherTime && order < otherOrder);
    }

    private void siftUp(int at, long time, long order, Object item) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(time, order, times[parent], orders[parent])) {
                break;
            }
            set(at, times[parent], orders[parent], items[parent]);
            at = parent;
        }
        set(at, time, order, item);
    }

    private void siftDown(int at, long time, long order, Object item) {
        int half = size >>> 1;
        while (at < half) {
            int child = 2 * at + 1;
            int right = child + 1;
            if (right < size && before(times[right], orders[right], times[child], orders[child])) {
                child = right;
            }
            if (!before(times[child], orders[child], time, order)) {
                break;
            }
            set(at, times[child], orders[child], items[child]);
            at = child;
        }
        set(at, time, order, item);
    }

    private void set(int at, long time, long order, Object item) {
        times[at] = time;
        orders[at] = order;
        items[at] = item;
    }
}
