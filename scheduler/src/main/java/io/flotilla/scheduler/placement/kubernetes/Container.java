package io.flotilla.scheduler.placement.kubernetes;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One container of a pod: its image and its resource requests and limits, keyed by
 * {@link ResourceNames}. A resource absent from {@code requests} is <em>missing</em>, which is not the
 * same as a request of 0: only a missing cpu or memory request gets the non-zero default in scoring.
 * Limits are carried for the runtime; the default scheduler never reads them.
 */
public record Container(String name, String image, SortedMap<String, Long> requests, SortedMap<String, Long> limits) {

    public Container {
        requests = Collections.unmodifiableSortedMap(new TreeMap<>(requests));
        limits = Collections.unmodifiableSortedMap(new TreeMap<>(limits));
    }

    /** A container of {@code image} with no requests and no limits. */
    public static Container of(String name, String image) {
        return new Container(name, image, new TreeMap<>(), new TreeMap<>());
    }

    public Container withRequest(String resource, long amount) {
        TreeMap<String, Long> copy = new TreeMap<>(requests);
        copy.put(resource, amount);
        return new Container(name, image, copy, limits);
    }

    public Container withLimit(String resource, long amount) {
        TreeMap<String, Long> copy = new TreeMap<>(limits);
        copy.put(resource, amount);
        return new Container(name, image, requests, copy);
    }
}
