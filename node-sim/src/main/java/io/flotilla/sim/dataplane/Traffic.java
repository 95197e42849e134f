package io.flotilla.sim.dataplane;

import io.flotilla.network.request.Backends;
import io.flotilla.network.request.Outcome;
import io.flotilla.network.request.Result;
import io.flotilla.network.request.Target;
import io.flotilla.scheduler.time.Durations;
import io.flotilla.sim.events.RequestExplained;
import io.flotilla.sim.events.RequestServed;
import io.flotilla.sim.events.TrafficCounted;
import io.flotilla.sim.kernel.EventLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The traffic clients: each sends requests evenly spaced at its rate, from its start until before
 * its stop, each decided by the plane's router at its send time; what became of them is counted per
 * client per one-second window of virtual time (aligned to whole seconds), and each window is logged
 * as a {@link TrafficCounted} once every request sent in it has its fate. Counters only: no object per
 * request but the few that are still being served.
 *
 * <p>A request's fate: failed at once (nxdomain, no_route, refused) or at its timeout (timeout), both
 * counted when sent; a request whose answer would come back later than the client's timeout (the
 * round trip and the service time are longer) is a timeout too: the client gives up first; or served, counted when the answer arrives (the round trip plus the service
 * time), unless its task stops first: a container that exits resets it ({@code reset}), a node that
 * crashes leaves it unanswered ({@code timeout}). A client whose node is down sends nothing.
 */
final class Traffic {

    static final long SECOND = 1_000_000_000L;

    /** One window's counts. */
    private static final class Window {
        final long start;
        long sent;
        long served;
        final long[] failed = new long[Result.values().length];
        /** Sorted when logged: a hundred thousand requests count here one by one. */
        final Map<String, Long> servedBy = new HashMap<>();
        int inFlight;

        Window(long start) {
            this.start = start;
        }
    }

    /** A served request not yet answered. */
    private record InFlight(Client client, Window window, int backend, long sentAt, long completesAt, boolean explained) {}

    private static final class Client {
        final TrafficClient spec;
        final double interval;
        /** Empty when the client names a node or network the cluster does not have: its requests go nowhere. */
        Optional<Plane.Route> route = Optional.empty();
        long next;
        long nextTime;
        boolean attached;
        final List<Window> open = new ArrayList<>();
        /** The index of the request to explain, or -1. */
        long explain = -1;

        Client(TrafficClient spec) {
            this.spec = spec;
            this.interval = SECOND / spec.ratePerSecond();
            this.nextTime = spec.ratePerSecond() > 0 ? spec.startNanos() : Long.MAX_VALUE;
        }

        long timeOf(long index) {
            return spec.startNanos() + (long) Math.floor(index * interval);
        }

        boolean done() {
            return nextTime >= spec.stopNanos();
        }
    }

    private final Plane plane;
    private final EventLog log;
    private final BalancerLog balancers;
    private final List<Client> clients = new ArrayList<>();
    private final List<InFlight> inFlight = new ArrayList<>();
    /** The earliest answer among {@link #inFlight}, or {@code Long.MAX_VALUE}: most instants answer nothing. */
    private long firstAnswer = Long.MAX_VALUE;
    private final Outcome out = new Outcome();
    /** Log each served request ({@link RequestServed}): what the views print as the containers' access logs. */
    private final boolean accessLog;

    Traffic(List<TrafficClient> specs, DataPlaneSettings settings, Plane plane, EventLog log, BalancerLog balancers) {
        this.plane = plane;
        this.log = log;
        this.balancers = balancers;
        this.accessLog = settings.accessLog();
        for (TrafficClient spec : specs) {
            Client c = new Client(spec);
            Optional<DataPlaneSettings.RequestProbe> probe = settings.explainRequest().filter(p -> p.client().equals(spec.name()));
            if (probe.isPresent() && spec.ratePerSecond() > 0) {
                long at = probe.get().atNanos();
                long i = Math.max(0, (long) Math.floor((at - spec.startNanos()) / c.interval) - 2);
                while (c.timeOf(i) < at) {
                    i++;
                }
                c.explain = c.timeOf(i) < spec.stopNanos() ? i : -1;
            }
            clients.add(c);
        }
    }

    /**
     * Starts every client's container: it runs from the start of the run, so its node is on its
     * network and its view is complete before the first request; requests begin at its start.
     */
    void start(long now) {
        for (Client c : clients) {
            if (!c.attached) {
                c.attached = true;
                try {
                    c.route = Optional.of(plane.route(c.spec));
                } catch (IllegalArgumentException unknown) {
                    c.route = Optional.empty();
                }
                if (c.spec.from().map(plane::isUp).orElse(true)) {
                    plane.clientAttached(c.spec, now);
                }
                balancers.watch(c.spec);
            }
        }
    }

    /** The clients on a node that is up again take part in their network again. */
    void nodeUp(String node, long now) {
        for (Client c : clients) {
            if (c.attached && c.spec.from().filter(node::equals).isPresent()) {
                plane.clientAttached(c.spec, now);
            }
        }
    }

    /**
     * Sends every request due before {@code until} ({@code inclusive}: at it too), client by client
     * in time order across clients, against the plane as it is now.
     */
    void sendUntil(long until, boolean inclusive) {
        while (true) {
            Client first = null;
            for (int i = 0; i < clients.size(); i++) {
                Client c = clients.get(i);
                if (c.attached && !c.done() && (first == null || c.nextTime < first.nextTime)) {
                    first = c;
                }
            }
            if (first == null || first.nextTime > until || (!inclusive && first.nextTime == until)) {
                return;
            }
            send(first);
        }
    }

    private void send(Client c) {
        long t = c.nextTime;
        long index = c.next;
        c.next++;
        c.nextTime = c.timeOf(c.next);
        if (c.spec.from().isPresent() && !plane.isUp(c.spec.from().get())) {
            return;
        }
        Window w = window(c, t);
        w.sent++;
        Result r = c.route.isPresent() ? plane.send(c.route.get(), t, c.spec.timeoutNanos(), out) : Result.NO_ROUTE;
        if (c.route.isEmpty()) {
            out.set(-1, t);
        }
        boolean explain = index == c.explain;
        if (r == Result.SERVED && out.completesAt - t > c.spec.timeoutNanos()) {
            w.failed[Result.TIMEOUT.ordinal()]++;
            if (explain) {
                explained(c, Result.TIMEOUT, out.backend, Optional.of(out.completesAt - t), t, t + c.spec.timeoutNanos());
            }
            return;
        }
        if (r == Result.SERVED) {
            w.inFlight++;
            inFlight.add(new InFlight(c, w, out.backend, t, out.completesAt, explain));
            firstAnswer = Math.min(firstAnswer, out.completesAt);
        } else {
            w.failed[r.ordinal()]++;
            if (explain) {
                // a timeout is known now but seen by the client only when it gives up; the others at once
                explained(c, r, out.backend, Optional.empty(), t, r == Result.TIMEOUT ? t + c.spec.timeoutNanos() : t);
            }
        }
    }

    private Window window(Client c, long t) {
        long start = t - Math.floorMod(t, SECOND);
        Window last = c.open.isEmpty() ? null : c.open.get(c.open.size() - 1);
        if (last == null || last.start != start) {
            last = new Window(start);
            c.open.add(last);
        }
        return last;
    }

    /** Requests answered by {@code now} are served. */
    void complete(long now) {
        if (now < firstAnswer) {
            return;
        }
        Backends backends = plane.backends();
        inFlight.removeIf(f -> {
            if (f.completesAt() > now) {
                return false;
            }
            f.window().inFlight--;
            f.window().served++;
            f.window().servedBy.merge(backends.key(f.backend()), 1L, Long::sum);
            if (accessLog) {
                log.append(new RequestServed(f.client().spec.name(), backends.key(f.backend()), f.sentAt(), f.completesAt()));
            }
            if (f.explained()) {
                explained(f.client(), Result.SERVED, f.backend(), Optional.empty(), f.sentAt(), f.completesAt());
            }
            return true;
        });
        firstAnswer = firstAnswer();
    }

    private long firstAnswer() {
        long first = Long.MAX_VALUE;
        for (int i = 0; i < inFlight.size(); i++) {
            first = Math.min(first, inFlight.get(i).completesAt());
        }
        return first;
    }

    /** The backend's container is gone at {@code now}: what it had not answered is reset, or lost with its node. */
    void backendStopped(int backend, long now, boolean crashed) {
        complete(now);
        inFlight.removeIf(f -> {
            if (f.backend() != backend) {
                return false;
            }
            Result r = crashed ? Result.TIMEOUT : Result.RESET;
            f.window().inFlight--;
            f.window().failed[r.ordinal()]++;
            if (f.explained()) {
                explained(f.client(), r, f.backend(), Optional.empty(), f.sentAt(),
                        crashed ? f.sentAt() + f.client().spec.timeoutNanos() : now);
            }
            return true;
        });
        firstAnswer = firstAnswer();
    }

    /** Logs every window that has ended by {@code now} and has nothing in flight. */
    void flush(long now) {
        for (Client c : clients) {
            while (!c.open.isEmpty()) {
                Window w = c.open.get(0);
                if (w.start + SECOND > now || w.inFlight > 0) {
                    break;
                }
                c.open.remove(0);
                log(c, w);
            }
        }
    }

    private void log(Client c, Window w) {
        TreeMap<String, Long> failed = new TreeMap<>();
        for (Result r : Result.values()) {
            if (r.failed() && w.failed[r.ordinal()] > 0) {
                failed.put(r.key(), w.failed[r.ordinal()]);
            }
        }
        log.append(new TrafficCounted(c.spec.name(), w.start, w.start + SECOND, w.sent, w.served, failed,
                new TreeMap<>(w.servedBy)));
    }

    /**
     * {@code slowAnswer}: how long the backend, which serves, would take to answer a request that timed
     * out for it; {@code sent} and {@code ended}: when the client sent the request and saw its end.
     */
    private void explained(Client c, Result r, int backend, Optional<Long> slowAnswer, long sent, long ended) {
        String node = c.spec.from().orElse(Target.OUTSIDE);
        String network = plane.networkOf(c.spec);
        String target = c.spec.target();
        List<String> resolved = c.spec.from().isPresent() && !target.contains(":")
                ? plane.records(node, network, target).addresses() : List.of();
        String task = backend >= 0 ? plane.backends().key(backend) : "";
        log.append(new RequestExplained(c.spec.name(), node, network, target, resolved, task, r.key(),
                slowAnswer.map(took -> task + " serves it, but its answer would take " + Durations.format(took)
                        + " (the round trip and the service time), longer than the client's timeout of "
                        + Durations.format(c.spec.timeoutNanos()) + ": the client gives up first")
                        .or(() -> c.route.map(route -> plane.why(route, r, backend)))
                        .orElse("the client's node or network is not in the cluster"), sent, ended));
    }

    /** When something is next due: a client's start, the end of an open window, an answer, the request to explain. */
    OptionalLong nextWake(long now) {
        // asked after every input: index loops, no iterators
        long next = Long.MAX_VALUE;
        for (int i = 0; i < clients.size(); i++) {
            Client c = clients.get(i);
            if (!c.attached) {
                next = Math.min(next, now);
                continue;
            }
            for (int j = 0; j < c.open.size(); j++) {
                Window w = c.open.get(j);
                if (w.start + SECOND > now) {
                    next = Math.min(next, w.start + SECOND);
                }
            }
            if (!c.done()) {
                next = Math.min(next, c.nextTime - Math.floorMod(c.nextTime, SECOND) + SECOND);
            }
            if (c.explain >= c.next && !c.done()) {
                next = Math.min(next, c.timeOf(c.explain));
            }
        }
        next = Math.min(next, firstAnswer);
        return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(Math.max(next, now));
    }
}
