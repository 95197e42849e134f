package io.flotilla.network.request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * The truth about every endpoint that can serve requests (Swarm tasks, Kubernetes pods), by a small
 * integer id so that routers read arrays, not maps: its task name, the host it runs on (a topology
 * index) and whether it serves right now (running, and healthy or ready if it has a probe). Views
 * say what nodes believe; this says what is so. The simulation keeps it current.
 */
public final class Backends {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> keys = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private int[] hosts = new int[16];
    private boolean[] serving = new boolean[16];
    /** Each host's endpoints, ids ascending: a host going down looks at its own, not at every one. */
    private int[][] onHost = new int[0][];
    private int[] onHostCount = new int[0];

    /** The id of the endpoint {@code key} (its endpoint or task id), registering it on first sight. */
    public int intern(String key, String taskName, int host) {
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        int next = keys.size();
        ids.put(key, next);
        keys.add(key);
        names.add(taskName);
        if (next >= hosts.length) {
            hosts = Arrays.copyOf(hosts, next * 2);
            serving = Arrays.copyOf(serving, next * 2);
        }
        hosts[next] = host;
        addToHost(host, next);
        return next;
    }

    private void addToHost(int host, int id) {
        if (host < 0) {
            return; // not on any host of the topology: no host going down stops it
        }
        if (host >= onHost.length) {
            int length = Math.max(host + 1, 2 * onHost.length);
            onHost = Arrays.copyOf(onHost, length);
            onHostCount = Arrays.copyOf(onHostCount, length);
        }
        int[] ids = onHost[host];
        if (ids == null || onHostCount[host] == ids.length) {
            onHost[host] = ids = ids == null ? new int[4] : Arrays.copyOf(ids, 2 * ids.length);
        }
        ids[onHostCount[host]++] = id;
    }

    public OptionalInt id(String key) {
        Integer id = ids.get(key);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** The task starts or stops serving: running and healthy, or not. */
    public void setServing(int id, boolean value) {
        serving[id] = value;
    }

    public boolean serving(int id) {
        return serving[id];
    }

    public int host(int id) {
        return hosts[id];
    }

    public String name(int id) {
        return names.get(id);
    }

    public String key(int id) {
        return keys.get(id);
    }

    /** Calls {@code action} with the id of every endpoint on {@code host}, ids ascending. */
    public void forEachOn(int host, IntConsumer action) {
        if (host < 0 || host >= onHost.length) {
            return;
        }
        for (int i = 0; i < onHostCount[host]; i++) {
            action.accept(onHost[host][i]);
        }
    }

    public int size() {
        return keys.size();
    }
}
