package io.flotilla.scheduler.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The writes of one stretch of time, {@code from} to {@code to} inclusive, in virtual nanoseconds. */
public record Span(long from, long to) {

    public Span {
        if (to < from) {
            throw new IllegalArgumentException("a span ends before it starts: " + from + " > " + to);
        }
    }

    /** The same writes, sorted and with touching or overlapping spans joined. */
    public static List<Span> merged(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(Span::from).thenComparingLong(Span::to));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            int last = out.size() - 1;
            if (last >= 0 && s.from() <= out.get(last).to()) {
                out.set(last, new Span(out.get(last).from(), Math.max(out.get(last).to(), s.to())));
            } else {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** The part of these spans up to {@code at}: what a snapshot taken then holds. */
    public static List<Span> upTo(List<Span> spans, long at) {
        return spans.stream().filter(s -> s.from() <= at).map(s -> new Span(s.from(), Math.min(s.to(), at))).toList();
    }
}
