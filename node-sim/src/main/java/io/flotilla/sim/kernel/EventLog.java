package io.flotilla.sim.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.LongSupplier;

/**
 * The simulation's record of everything that happened, in the order it happened: the one source
 * that expectations, results and reports read.
 *
 * <p>Append-only and written only from the thread that created it (the simulation's driver, which
 * runs every actor); an append from any other thread throws, because its place in the log would
 * depend on the wall clock. Read it once {@link Simulation#runUntil} has returned. Times never go
 * backwards, so the time-range helpers are binary searches.
 *
 * <p>The times and the events sit in two flat arrays, the sequence number being the index: a long
 * run logs millions of events, and an object per event to carry its stamp was a fifth of what the
 * collector had to copy, and one more read per event for every fold of the log. {@link #events}
 * hands out {@link LoggedEvent}s made as they are read; {@link #time} and {@link #event} read
 * without them.
 */
public final class EventLog {

    private final LongSupplier clock;
    private final Thread owner;
    private long[] times = new long[1024];
    private Event[] events = new Event[1024];
    private int size;
    private final List<LoggedEvent> view = new Stamped();

    /** A log stamping events with {@code clock} (virtual nanoseconds), written from this thread. */
    public EventLog(LongSupplier clock) {
        this.clock = clock;
        this.owner = Thread.currentThread();
    }

    /** Virtual now, as the next event would be stamped. */
    public long now() {
        return clock.getAsLong();
    }

    /** Stamps {@code event} with virtual now and the next sequence number, and appends it. */
    public void append(Event event) {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("event " + event.type() + " appended from thread '"
                    + Thread.currentThread().getName() + "', not from the simulation's driver");
        }
        EventJson.requireRenderable(event.getClass());
        long time = clock.getAsLong();
        if (size > 0 && time < times[size - 1]) {
            throw new IllegalStateException("the clock went backwards at event " + event.type());
        }
        if (size == times.length) {
            times = Arrays.copyOf(times, 2 * size);
            events = Arrays.copyOf(events, 2 * size);
        }
        times[size] = time;
        events[size] = event;
        size++;
    }

    /** The virtual time of the event at {@code index} (its sequence number). */
    public long time(int index) {
        Objects.checkIndex(index, size);
        return times[index];
    }

    /** The event at {@code index} (its sequence number). */
    public Event event(int index) {
        Objects.checkIndex(index, size);
        return events[index];
    }

    /** Every event so far, in order; a read-only view. */
    public List<LoggedEvent> events() {
        return view;
    }

    public int size() {
        return size;
    }

    /** The events at or after virtual {@code time}. */
    public List<LoggedEvent> since(long time) {
        return view.subList(firstAtOrAfter(time), size);
    }

    /** The events at or before virtual {@code time}. */
    public List<LoggedEvent> until(long time) {
        return view.subList(0, firstAtOrAfter(saturatedIncrement(time)));
    }

    /** The events from {@code from} to {@code to}, both included. */
    public List<LoggedEvent> between(long from, long to) {
        int start = firstAtOrAfter(from);
        return view.subList(start, Math.max(start, firstAtOrAfter(saturatedIncrement(to))));
    }

    /** The events of one record type, in order. */
    public <E extends Event> List<E> eventsOf(Class<E> type) {
        List<E> found = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (type.isInstance(events[i])) {
                found.add(type.cast(events[i]));
            }
        }
        return found;
    }

    /** Writes one JSON line per event (see {@link EventJson}), each ended by {@code \n}. */
    public void writeJsonLines(Writer out) throws IOException {
        EventJson.Renderer renderer = new EventJson.Renderer();
        for (LoggedEvent logged : view) {
            out.append(renderer.line(logged));
        }
    }

    /** SHA-256, in lower-case hex, of exactly what {@link #writeJsonLines} writes. */
    public String digest() {
        MessageDigest sha = sha256();
        EventJson.Renderer renderer = new EventJson.Renderer();
        for (LoggedEvent logged : view) {
            sha.update(renderer.line(logged).toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** All the JSON lines as one string; for tests and small logs. */
    public String toJsonLines() {
        StringWriter out = new StringWriter();
        try {
            writeJsonLines(out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private int firstAtOrAfter(long time) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] < time) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The log as stamped events, read-only, each made as it is read. */
    private final class Stamped extends AbstractList<LoggedEvent> implements RandomAccess {

        @Override
        public LoggedEvent get(int index) {
            Objects.checkIndex(index, size);
            return new LoggedEvent(times[index], index, events[index]);
        }

        @Override
        public int size() {
            return size;
        }
    }

    private static long saturatedIncrement(long time) {
        return time == Long.MAX_VALUE ? time : time + 1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
