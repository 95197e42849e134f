package io.flotilla.network.gossip;

import io.flotilla.network.gossip.GossipEvent.MemberChanged;
import io.flotilla.network.gossip.Message.Alive;
import io.flotilla.network.gossip.Message.Dead;
import io.flotilla.network.gossip.Message.Suspect;
import io.flotilla.network.gossip.Peer.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * memberlist as each daemon runs it: probing (direct, then indirect), suspicion with its shrinking
 * timer, refutation, death and departure, full-state push/pull, and NetworkDB's reconnect, periodic
 * anti-entropy and rejoin tickers. What a member's state change means for its table entries is
 * {@link NetworkDb}'s business.
 */
final class Memberlist {

    private final World w;
    private final Transport transport;
    NetworkDb db;
    /** Both sides' member lists in the push/pull under way (they never nest). */
    private final MemberStates ofA = new MemberStates();
    private final MemberStates ofB = new MemberStates();

    Memberlist(World w, Transport transport) {
        this.w = w;
        this.transport = transport;
    }

    /** memberlist {@code Join} through the first running host it reaches; else NetworkDB retries every 60 s. */
    void bootstrap(Peer p, long time) {
        for (Peer other : w.peers) {
            if (other != null && other != p && other.running && w.topology.canReach(p.id, other.id)) {
                pushPull(p, other, time, false);
                return;
            }
        }
        if (!p.bootstrapping) {
            p.bootstrapping = true;
            int gen = p.gen;
            w.agenda.at(time + w.config.rejoinIntervalNanos(), () -> bootstrapTick(p, gen));
        }
    }

    void bootstrapTick(Peer p, int gen) {
        if (!p.running || p.gen != gen) {
            return;
        }
        p.bootstrapping = false;
        for (Member v : p.members) {
            if (v != p.members[p.id] && v.known && v.state == MemberState.ALIVE) {
                return;
            }
        }
        bootstrap(p, w.agenda.now());
    }

    void wakeProbers(long time) {
        for (Peer o : w.peers) {
            if (o != null && o.running && !o.probing && disturbed(o)) {
                o.probing = true;
                int gen = o.gen;
                w.agenda.at(World.nextTick(o.probePhase, w.config.probeIntervalNanos(), time), () -> probeTick(o, gen));
            }
        }
    }

    /**
     * Whether some member this node believes alive would fail a direct probe: only then is probing worth
     * simulating. While the underlay is whole, only a member that has stopped or restarted can fail one,
     * so only those are looked at.
     */
    boolean disturbed(Peer o) {
        if (w.topology.isWhole()) {
            for (int m : w.unsettled) {
                if (m >= o.members.length) {
                    break;
                }
                Member v = o.members[m];
                if (m != o.id && v.active() && !(answers(m, v.gen) && w.topology.canReach(o.id, m))) {
                    return true;
                }
            }
            return false;
        }
        for (int m = 0; m < o.members.length; m++) {
            Member v = o.members[m];
            if (m != o.id && v.active() && !(answers(m, v.gen) && w.topology.canReach(o.id, m))) {
                return true;
            }
        }
        return false;
    }

    void probeTick(Peer o, int gen) {
        if (!o.running || o.gen != gen) {
            return;
        }
        long t = w.agenda.now();
        int target = nextProbeTarget(o);
        if (target < 0) {
            o.probing = false;
            return;
        }
        if (!probeSucceeds(o, target)) {
            int targetGen = o.member(target).gen;
            w.agenda.at(t + w.config.probeIntervalNanos(), () -> probeFailed(o, gen, target, targetGen));
        }
        if (disturbed(o)) {
            w.agenda.at(t + w.config.probeIntervalNanos(), () -> probeTick(o, gen));
        } else {
            o.probing = false;
        }
    }

    /** Round robin over a list shuffled at every wrap (memberlist {@code probe}, {@code resetNodes}); dead members are skipped. */
    int nextProbeTarget(Peer o) {
        for (int checked = 0; checked <= 2 * o.members.length + 1; checked++) {
            if (o.probeCursor >= o.probeOrder.length) {
                List<Integer> known = new ArrayList<>();
                for (int m = 0; m < o.members.length; m++) {
                    if (m != o.id && o.members[m].known) {
                        known.add(m);
                    }
                }
                int[] order = known.stream().mapToInt(Integer::intValue).toArray();
                shuffle(order, o);
                o.probeOrder = order;
                o.probeCursor = 0;
                if (order.length == 0) {
                    return -1;
                }
            }
            int candidate = o.probeOrder[o.probeCursor++];
            if (o.member(candidate).active()) {
                return candidate;
            }
        }
        return -1;
    }

    void shuffle(int[] a, Peer o) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = o.fdRandom.nextInt(i + 1);
            int x = a[i];
            a[i] = a[j];
            a[j] = x;
        }
    }

    /** A direct ping, then indirect pings through up to 3 random live members. */
    boolean probeSucceeds(Peer o, int target) {
        int targetGen = o.member(target).gen;
        boolean answers = answers(target, targetGen);
        if (answers && w.topology.canReach(o.id, target)) {
            return true;
        }
        Ids helpers = w.candidates(o, m -> m != target && o.members[m].known && o.members[m].state == MemberState.ALIVE);
        for (int h : helpers.pick(w.config.indirectChecks(), o.fdRandom)) {
            Peer helper = w.peers[h];
            if (answers && helper.running && w.topology.canReach(o.id, h) && w.topology.canReach(h, target)) {
                return true;
            }
        }
        return false;
    }

    boolean answers(int member, int gen) {
        Peer p = member < w.peers.length ? w.peers[member] : null;
        return p != null && p.running && p.gen == gen;
    }

    void probeFailed(Peer o, int gen, int target, int targetGen) {
        Member v = o.member(target);
        if (o.running && o.gen == gen && v.gen == targetGen && v.active()) {
            onSuspect(o, new Suspect(target, targetGen, v.inc, o.id));
        }
    }

    void onAlive(Peer r, Alive a) {
        if (a.member() == r.id) {
            return;
        }
        long t = w.agenda.now();
        Member v = r.member(a.member());
        if (!v.known || a.gen() > v.gen) {
            if (v.known && v.state != MemberState.LEFT) {
                db.ownerLeft(r, a.member(), t);
            }
            v.known = true;
            v.gen = a.gen();
            v.inc = a.inc();
            r.memberChanged(a.member());
            v.suspicion = null;
            setState(r, a.member(), v, MemberState.ALIVE, t, true);
            db.ownerActive(r, a.member(), t);
            transport.broadcast(r, a, false);
            return;
        }
        if (a.gen() < v.gen || a.inc() <= v.inc) {
            return;
        }
        v.inc = a.inc();
        v.suspicion = null;
        v.timer++;
        MemberState before = v.state;
        setState(r, a.member(), v, MemberState.ALIVE, t, false);
        if (before == MemberState.DEAD || before == MemberState.LEFT) {
            db.ownerActive(r, a.member(), t);
        }
        transport.broadcast(r, a, false);
    }

    void onSuspect(Peer r, Suspect s) {
        if (s.member() == r.id) {
            if (s.gen() == r.gen) {
                refute(r, s.inc());
            }
            return;
        }
        long t = w.agenda.now();
        Member v = r.member(s.member());
        if (!v.known || s.gen() != v.gen || s.inc() < v.inc) {
            return;
        }
        if (v.state == MemberState.SUSPECT) {
            if (v.suspicion.confirm(s.from(), t)) {
                scheduleSuspicion(r, s.member(), v);
                transport.broadcast(r, s, s.from() == r.id);
            }
            return;
        }
        if (v.state != MemberState.ALIVE) {
            return;
        }
        v.inc = s.inc();
        v.suspicion = new Suspicion(w.config, estimatedNodes(r, t), s.from(), t);
        setState(r, s.member(), v, MemberState.SUSPECT, t, false);
        scheduleSuspicion(r, s.member(), v);
        transport.broadcast(r, s, s.from() == r.id);
    }

    void scheduleSuspicion(Peer r, int member, Member v) {
        int token = ++v.timer;
        int gen = r.gen;
        w.agenda.at(v.suspicion.deadline(), () -> {
            if (r.running && r.gen == gen && v.state == MemberState.SUSPECT && v.timer == token) {
                onDead(r, new Dead(member, v.gen, v.inc, r.id));
            }
        });
    }

    void onDead(Peer r, Dead d) {
        if (d.member() == r.id) {
            if (d.gen() == r.gen) {
                refute(r, d.inc());
            }
            return;
        }
        long t = w.agenda.now();
        Member v = r.member(d.member());
        if (!v.known || d.gen() != v.gen || d.inc() < v.inc
                || v.state == MemberState.DEAD || v.state == MemberState.LEFT) {
            return;
        }
        v.inc = d.inc();
        v.suspicion = null;
        v.timer++;
        boolean left = d.from() == d.member();
        setState(r, d.member(), v, left ? MemberState.LEFT : MemberState.DEAD, t, false);
        if (left) {
            db.ownerLeft(r, d.member(), t);
        } else {
            db.ownerFailed(r, d.member(), t);
            startReconnect(r, t);
        }
        transport.broadcast(r, d, d.from() == r.id);
    }

    /** memberlist {@code refute}: a higher incarnation, broadcast as alive. */
    void refute(Peer r, int accused) {
        r.inc = Math.max(r.inc, accused) + 1;
        r.member(r.id).inc = r.inc;
        transport.broadcast(r, new Alive(r.id, r.gen, r.inc), true);
    }

    void setState(Peer r, int member, Member v, MemberState to, long t, boolean fresh) {
        Optional<MemberState> from = fresh ? Optional.empty() : Optional.of(v.state);
        if (!fresh && v.state == to) {
            return;
        }
        v.state = to;
        v.since = t;
        r.memberChanged(member);
        w.membershipChanged = true;
        w.sink.accept(new MemberChanged(t, r.name, w.peers[member].name, from, to));
    }

    /** memberlist {@code estNumNodes}: members in the list, itself included, dead ones until reaped. */
    int estimatedNodes(Peer r, long t) {
        int n = 0;
        for (Member v : r.members) {
            if (v.known && (v.active() || t - v.since <= w.config.gossipToTheDeadNanos())) {
                n++;
            }
        }
        return n;
    }

    /** memberlist push/pull: both sides merge the other's member list; a suspected or dead claim about oneself is refuted. */
    void pushPull(Peer a, Peer b, long time, boolean withTables) {
        if (!b.running || !w.topology.canReach(a.id, b.id)) {
            return;
        }
        int ga = a.gen;
        int gb = b.gen;
        w.agenda.at(time + w.topology.latencyNanos(a.id, b.id), () -> {
            if (!a.running || !b.running || a.gen != ga || b.gen != gb) {
                return;
            }
            ofA.take(a);
            ofB.take(b);
            w.merging = true;
            merge(b, ofA);
            merge(a, ofB);
            w.merging = false;
            if (withTables) {
                for (String network : new ArrayList<>(a.tables.keySet())) {
                    if (w.attached(b, network)) {
                        db.exchange(a, b, network);
                    }
                }
            }
        });
    }

    /**
     * memberlist {@code mergeState}: a remote "dead" is taken as a local suspicion, never as death.
     * An alive claim {@link #onAlive} would ignore (nothing newer than what is known) is skipped
     * before it is made into a message: a push/pull between settled nodes is a thousand of them.
     */
    void merge(Peer local, MemberStates remote) {
        for (int i = 0; i < remote.size; i++) {
            int m = remote.member[i];
            int gen = remote.gen[i];
            int inc = remote.inc[i];
            switch (remote.state[i]) {
                case ALIVE -> {
                    if (!stale(local, m, gen, inc)) {
                        onAlive(local, new Alive(m, gen, inc));
                    }
                }
                case SUSPECT, DEAD -> onSuspect(local, new Suspect(m, gen, inc, local.id));
                case LEFT -> onDead(local, new Dead(m, gen, inc, m));
            }
        }
    }

    /** Whether {@link #onAlive} would ignore this claim without touching anything. */
    private static boolean stale(Peer r, int member, int gen, int inc) {
        if (member == r.id) {
            return true;
        }
        if (member >= r.members.length) {
            return false;
        }
        Member v = r.members[member];
        return v.known && gen <= v.gen && (gen < v.gen || inc <= v.inc);
    }

    /** What one side of a push/pull sends: each member it knows, its state, generation and incarnation. Reused. */
    static final class MemberStates {
        int size;
        int[] member = new int[0];
        MemberState[] state = new MemberState[0];
        int[] gen = new int[0];
        int[] inc = new int[0];

        void take(Peer p) {
            if (member.length < p.members.length) {
                member = new int[p.members.length];
                state = new MemberState[p.members.length];
                gen = new int[p.members.length];
                inc = new int[p.members.length];
            }
            size = 0;
            for (int m = 0; m < p.members.length; m++) {
                Member v = p.members[m];
                if (v.known) {
                    member[size] = m;
                    state[size] = v.state;
                    gen[size] = v.gen;
                    inc[size] = v.inc;
                    size++;
                }
            }
        }
    }

    /** The underlay changed or a host booted: nodes with failed peers try to reach them again. */
    void resumeReconnects(long time) {
        for (Peer r : w.peers) {
            if (r != null && r.running && !r.reconnecting) {
                for (Member v : r.members) {
                    if (v.known && v.state == MemberState.DEAD) {
                        startReconnect(r, time);
                        break;
                    }
                }
            }
        }
    }

    void startReconnect(Peer r, long time) {
        if (!r.reconnecting) {
            r.reconnecting = true;
            int gen = r.gen;
            w.agenda.at(World.nextTick(r.reconnectPhase, w.config.reconnectIntervalNanos(), time), () -> reconnectTick(r, gen));
        }
    }

    /**
     * NetworkDB {@code reconnectNode}: one random failed peer per second; join it, then bulk-sync. Only
     * simulated while some failed peer is up and reachable: a try that cannot reach anyone changes
     * nothing, so the ticks stop, and a change of the underlay or a host that boots starts them again
     * ({@link #resumeReconnects}).
     */
    void reconnectTick(Peer r, int gen) {
        if (!r.running || r.gen != gen) {
            return;
        }
        Ids failed = w.candidates(r, m -> r.members[m].known && r.members[m].state == MemberState.DEAD);
        boolean reachable = false;
        for (int i = 0; i < failed.size(); i++) {
            int m = failed.get(i);
            reachable |= w.peers[m] != null && w.peers[m].running && w.topology.canReach(r.id, m);
        }
        if (!reachable) {
            r.reconnecting = false;
            return;
        }
        Peer f = w.peers[failed.get(r.gossipRandom.nextInt(failed.size()))];
        long t = w.agenda.now();
        pushPull(r, f, t, true);
        w.agenda.at(t + w.config.reconnectIntervalNanos(), () -> reconnectTick(r, gen));
    }

    void startAntiEntropy(Peer p, long time) {
        if (!p.antiEntropy) {
            p.antiEntropy = true;
            int gen = p.gen;
            w.agenda.at(World.nextTick(p.antiEntropyPhase, w.config.pushPullIntervalNanos(), time), () -> antiEntropyTick(p, gen));
        }
    }

    /** Every 30 s: a push/pull with one random live member, and a bulk sync of each network with a random peer. */
    void antiEntropyTick(Peer p, int gen) {
        if (!p.running || p.gen != gen) {
            return;
        }
        long t = w.agenda.now();
        Ids alive = w.candidates(p, m -> p.members[m].known && p.members[m].state == MemberState.ALIVE);
        if (alive.size() > 0) {
            pushPull(p, w.peers[alive.get(p.gossipRandom.nextInt(alive.size()))], t, false);
        }
        for (String network : new ArrayList<>(p.tables.keySet())) {
            Ids netPeers = transport.networkAudience(p, network);
            for (int q : netPeers.pick(2, p.gossipRandom)) {
                if (w.peers[q].running && w.topology.canReach(p.id, q)) {
                    db.bulkSync(p, w.peers[q], network, t);
                    break;
                }
            }
        }
        w.agenda.at(t + w.config.pushPullIntervalNanos(), () -> antiEntropyTick(p, gen));
    }
}
