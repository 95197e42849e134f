package io.flotilla.sim.kernel;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Items waiting for a time, the earliest first; items due at the same time come out in the order
 * they were added. Every item gets a key (time, order added) no other has, so the order items come
 * out in is fixed by the times and the order of the adds alone.
 *
 * <p>A calendar queue. Time is cut into buckets of about 2 ms, and a wheel of 8,192
 * buckets (about 17.6 s) holds the items of the buckets after the current one, unsorted, in lists
 * through flat arrays. A small heap holds the current bucket's items (and any added for an earlier
 * time), another those a whole wheel or more ahead. When the small heap runs dry, the next bucket
 * that holds items (found in a bitmap) becomes the current one and its items go into the heap.
 * With thousands of nodes' heartbeats waiting a few seconds each, a bucket holds one or two: an add
 * is a push on a list, and a take sifts through a heap of one or two instead of a dozen levels of
 * one of thousands, each level a branch the processor cannot predict.
 */
public final class TimeQueue<T> {

    private static final int BUCKET_SHIFT = 21; // 2^21 ns, about 2.1 ms
    private static final int BUCKETS = 1 << 13;
    private static final int MASK = BUCKETS - 1;
    private static final int WORDS = BUCKETS / 64;

    /** The items of the current bucket and of any before it. */
    private final KeyHeap near = new KeyHeap();
    /** The items of the buckets from {@code current + BUCKETS} on. */
    private final KeyHeap far = new KeyHeap();
    /** The wheel: the first slot of each bucket's list (0: none), and which lists are not empty. */
    private final int[] heads = new int[BUCKETS];
    private final long[] occupied = new long[WORDS];
    /** Slots of the wheel's lists; slot 0 stands for none, free ones are linked through next. */
    private long[] slotTimes = new long[16];
    private long[] slotOrders = new long[16];
    private Object[] slotItems = new Object[16];
    private int[] slotNext = new int[16];
    private int slotsUsed = 1;
    private int freeSlot;
    private int inWheel;
    private long current;
    private long added;

    public boolean isEmpty() {
        return size() == 0;
    }

    public int size() {
        return near.size() + inWheel + far.size();
    }

    /** Adds {@code item} for {@code time}; returns its order, a number no other item of this queue has. */
    public long add(long time, T item) {
        long order = added++;
        long bucket = time >> BUCKET_SHIFT;
        if (bucket <= current) {
            near.add(time, order, item);
        } else if (bucket - current < BUCKETS) {
            push(bucket, time, order, item);
        } else {
            far.add(time, order, item);
        }
        return order;
    }

    /** The earliest item's time; the queue must not be empty. */
    public long peekTime() {
        return first().peekTime();
    }

    /** The earliest item's order, as {@link #add} returned it; the queue must not be empty. */
    public long peekOrder() {
        return first().peekOrder();
    }

    /** The earliest item; the queue must not be empty. */
    @SuppressWarnings("unchecked")
    public T peek() {
        return (T) first().peek();
    }

    /** Takes the earliest item out; the queue must not be empty. */
    @SuppressWarnings("unchecked")
    public T poll() {
        if (first() == far) {
            // Only items a wheel or more ahead are left. Taking the first moves the current bucket
            // to it, as a clock's time moves there; a look does not: a clock still arms items for
            // the seconds before it gets there, and those belong in the wheel, not the near heap.
            moveTo(far.peekTime() >> BUCKET_SHIFT);
        }
        return (T) near.poll();
    }

    /** Whether {@code test} accepts an item due at or before {@code limit}; visits only those. */
    @SuppressWarnings("unchecked")
    public boolean anyDue(long limit, Predicate<? super T> test) {
        Predicate<Object> accepts = (Predicate<Object>) test;
        if (near.anyDue(limit, accepts)) {
            return true;
        }
        long last = Math.min(limit >> BUCKET_SHIFT, current + BUCKETS - 1);
        for (long bucket = current + 1; bucket <= last; bucket++) {
            for (int slot = heads[(int) (bucket & MASK)]; slot != 0; slot = slotNext[slot]) {
                if (slotTimes[slot] <= limit && accepts.test(slotItems[slot])) {
                    return true;
                }
            }
        }
        return far.anyDue(limit, accepts);
    }

    public void clear() {
        near.clear();
        far.clear();
        Arrays.fill(heads, 0);
        Arrays.fill(occupied, 0);
        Arrays.fill(slotItems, 0, slotsUsed, null);
        slotsUsed = 1;
        freeSlot = 0;
        inWheel = 0;
    }

    /** Drops the items {@code filter} accepts; the others keep their keys, so their order. */
    @SuppressWarnings("unchecked")
    public void removeIf(Predicate<? super T> filter) {
        Predicate<Object> drops = (Predicate<Object>) filter;
        near.removeIf(drops);
        far.removeIf(drops);
        for (int at = 0; at < BUCKETS; at++) {
            int kept = 0;
            for (int slot = heads[at], next; slot != 0; slot = next) {
                next = slotNext[slot];
                if (drops.test(slotItems[slot])) {
                    release(slot);
                } else {
                    slotNext[slot] = kept;
                    kept = slot;
                }
            }
            heads[at] = kept;
            if (kept == 0) {
                occupied[at >>> 6] &= ~(1L << at);
            }
        }
    }

    /**
     * The heap that holds the earliest item: the near one, once the next bucket of the wheel that
     * holds items is the current one, or the far one when the wheel is empty too.
     */
    private KeyHeap first() {
        if (near.isEmpty() && inWheel > 0) {
            moveTo(nextOccupied());
        }
        return near.isEmpty() ? far : near;
    }

    /** Makes {@code bucket} the current one: its items go into the near heap. */
    private void moveTo(long bucket) {
        current = bucket;
        while (!far.isEmpty() && (far.peekTime() >> BUCKET_SHIFT) - current < BUCKETS) {
            long time = far.peekTime();
            long order = far.peekOrder();
            Object item = far.poll();
            if (time >> BUCKET_SHIFT <= current) {
                near.add(time, order, item);
            } else {
                push(time >> BUCKET_SHIFT, time, order, item);
            }
        }
        drain((int) (current & MASK));
    }

    /** The first bucket after the current one whose list is not empty; the wheel must not be. */
    private long nextOccupied() {
        int start = (int) ((current + 1) & MASK);
        int word = start >>> 6;
        long bits = occupied[word] & (-1L << start);
        while (bits == 0) {
            word = (word + 1) & (WORDS - 1);
            bits = occupied[word];
        }
        int at = (word << 6) | Long.numberOfTrailingZeros(bits);
        return current + 1 + ((at - start) & MASK);
    }

    private void push(long bucket, long time, long order, Object item) {
        int slot = freeSlot;
        if (slot != 0) {
            freeSlot = slotNext[slot];
        } else {
            if (slotsUsed == slotTimes.length) {
                int capacity = slotsUsed * 2;
                slotTimes = Arrays.copyOf(slotTimes, capacity);
                slotOrders = Arrays.copyOf(slotOrders, capacity);
                slotItems = Arrays.copyOf(slotItems, capacity);
                slotNext = Arrays.copyOf(slotNext, capacity);
            }
            slot = slotsUsed++;
        }
        int at = (int) (bucket & MASK);
        slotTimes[slot] = time;
        slotOrders[slot] = order;
        slotItems[slot] = item;
        slotNext[slot] = heads[at];
        heads[at] = slot;
        occupied[at >>> 6] |= 1L << at;
        inWheel++;
    }

    /**
     * Moves a bucket's items into the near heap. A list holds its items newest first, so adding
     * them one by one would sift each of a burst due at one instant (100,000 pods' next step) up to
     * the top; they are appended and the heap made once instead.
     */
    private void drain(int at) {
        for (int slot = heads[at], next; slot != 0; slot = next) {
            next = slotNext[slot];
            near.append(slotTimes[slot], slotOrders[slot], slotItems[slot]);
            release(slot);
        }
        near.heapify();
        heads[at] = 0;
        occupied[at >>> 6] &= ~(1L << at);
    }

    private void release(int slot) {
        slotItems[slot] = null;
        slotNext[slot] = freeSlot;
        freeSlot = slot;
        inWheel--;
    }
}
