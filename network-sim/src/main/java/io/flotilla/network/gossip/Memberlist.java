package io.flotilla.network.gossip;

import io.flotilla.network.gossip.GossipEvent.MemberChanged;
import io.flotilla.network.gossip.Message.Alive;
import io.flotilla.network.gossip.Message.Dead;
import io.flotilla.network.gossip.Message.Suspect;
import java.util.ArrayList;
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
            if (other != null && other != p && other.running && w.reach(p.id, other.id)) {
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
        MemberTable members = p.members;
        for (int m = 0; m < members.size(); m++) {
            if (m != p.id && members.is(m, MemberState.ALIVE)) {
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
        if (w.whole()) {
            for (int m : w.unsettled) {
                if (m >= o.members.size()) {
                    break;
                }
                if (m != o.id && o.members.active(m) && !(answers(m, o.members.gen(m)) && w.reach(o.id, m))) {
                    return true;
                }
            }
            return false;
        }
        MemberTable v = o.members;
        for (int m = 0; m < v.size(); m++) {
            if (m != o.id && v.active(m) && !(answers(m, v.gen(m)) && w.reach(o.id, m))) {
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
            int targetGen = o.member(target).gen(target);
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
        for (int checked = 0; checked <= 2 * o.members.size() + 1; checked++) {
            if (o.probeCursor >= o.probeOrder.length) {
                Ids known = w.ids;
                known.clear();
                for (int m = 0; m < o.members.size(); m++) {
                    if (m != o.id && o.members.known(m)) {
                        known.add(m);
                    }
                }
                int[] order = known.toArray();
                shuffle(order, o);
                o.probeOrder = order;
                o.probeCursor = 0;
                if (order.length == 0) {
                    return -1;
                }
            }
            int candidate = o.probeOrder[o.probeCursor++];
            if (o.member(candidate).active(candidate)) {
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
        int targetGen = o.member(target).gen(target);
        boolean answers = answers(target, targetGen);
        if (answers && w.reach(o.id, target)) {
            return true;
        }
        Audience helpers = w.audience.alive(o.members, o.id, target);
        for (int h : helpers.pick(w.config.indirectChecks(), o.fdRandom)) {
            Peer helper = w.peers[h];
            if (answers && helper.running && w.reach(o.id, h) && w.reach(h, target)) {
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
        MemberTable v = o.member(target);
        if (o.running && o.gen == gen && v.gen(target) == targetGen && v.active(target)) {
            onSuspect(o, new Suspect(target, targetGen, v.inc(target), o.id));
        }
    }

    void onAlive(Peer r, Alive a) {
        if (a.member() == r.id) {
            return;
        }
        long t = w.agenda.now();
        int m = a.member();
        MemberTable v = r.member(m);
        if (!v.known(m) || a.gen() > v.gen(m)) {
            if (v.known(m) && v.state(m) != MemberState.LEFT) {
                db.ownerLeft(r, m, t);
            }
            v.know(m, a.gen(), a.inc());
            v.setSuspicion(m, null);
            setState(r, m, MemberState.ALIVE, t, true);
            db.ownerActive(r, m, t);
            transport.broadcast(r, a, false);
            return;
        }
        if (a.gen() < v.gen(m) || a.inc() <= v.inc(m)) {
            return;
        }
        v.setInc(m, a.inc());
        v.setSuspicion(m, null);
        v.bumpTimer(m);
        MemberState before = v.state(m);
        setState(r, m, MemberState.ALIVE, t, false);
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
        int m = s.member();
        MemberTable v = r.member(m);
        if (!v.known(m) || s.gen() != v.gen(m) || s.inc() < v.inc(m)) {
            return;
        }
        if (v.state(m) == MemberState.SUSPECT) {
            if (v.suspicion(m).confirm(s.from(), t)) {
                scheduleSuspicion(r, m);
                transport.broadcast(r, s, s.from() == r.id);
            }
            return;
        }
        if (v.state(m) != MemberState.ALIVE) {
            return;
        }
        v.setInc(m, s.inc());
        v.setSuspicion(m, new Suspicion(w.config, estimatedNodes(r, t), s.from(), t));
        setState(r, m, MemberState.SUSPECT, t, false);
        scheduleSuspicion(r, m);
        transport.broadcast(r, s, s.from() == r.id);
    }

    /** The member's suspicion timer, as it stands now, declares it dead unless something voids it first. */
    void scheduleSuspicion(Peer r, int member) {
        MemberTable v = r.members; // a restart makes a new table: this one's timers are then moot
        int token = v.bumpTimer(member);
        int gen = r.gen;
        w.agenda.at(v.suspicion(member).deadline(), () -> {
            if (r.running && r.gen == gen && v.state(member) == MemberState.SUSPECT && v.timer(member) == token) {
                onDead(r, new Dead(member, v.gen(member), v.inc(member), r.id));
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
        int m = d.member();
        MemberTable v = r.member(m);
        if (!v.known(m) || d.gen() != v.gen(m) || d.inc() < v.inc(m)
                || v.state(m) == MemberState.DEAD || v.state(m) == MemberState.LEFT) {
            return;
        }
        v.setInc(m, d.inc());
        v.setSuspicion(m, null);
        v.bumpTimer(m);
        boolean left = d.from() == m;
        setState(r, m, left ? MemberState.LEFT : MemberState.DEAD, t, false);
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
        r.member(r.id).setInc(r.id, r.inc);
        transport.broadcast(r, new Alive(r.id, r.gen, r.inc), true);
    }

    void setState(Peer r, int member, MemberState to, long t, boolean fresh) {
        MemberTable v = r.members;
        Optional<MemberState> from = fresh ? Optional.empty() : Optional.of(v.state(member));
        if (!fresh && v.state(member) == to) {
            return;
        }
        v.setState(member, to, t);
        w.membershipChanged = true;
        w.undisturbed &= to == MemberState.ALIVE;
        w.sink.accept(new MemberChanged(t, r.name, w.peers[member].name, from, to));
    }

    /** memberlist {@code estNumNodes}: members in the list, itself included, dead ones until reaped. */
    int estimatedNodes(Peer r, long t) {
        int n = 0;
        MemberTable v = r.members;
        for (int m = 0; m < v.size(); m++) {
            if (v.known(m) && (v.active(m) || t - v.since(m) <= w.config.gossipToTheDeadNanos())) {
                n++;
            }
        }
        return n;
    }

    /** memberlist push/pull: both sides merge the other's member list; a suspected or dead claim about oneself is refuted. */
    void pushPull(Peer a, Peer b, long time, boolean withTables) {
        if (!b.running || !w.reach(a.id, b.id)) {
            return;
        }
        int ga = a.gen;
        int gb = b.gen;
        w.agenda.at(time + w.topology.latencyNanos(a.id, b.id), () -> {
            if (!a.running || !b.running || a.gen != ga || b.gen != gb) {
                return;
            }
            if (!a.members.settledWith(b.members)) {
                ofA.take(a);
                ofB.take(b);
                w.merging = true;
                merge(b, ofA);
                merge(a, ofB);
                w.merging = false;
            }
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
        MemberTable v = r.members;
        if (member >= v.size()) {
            return false;
        }
        return v.known(member) && gen <= v.gen(member) && (gen < v.gen(member) || inc <= v.inc(member));
    }

    /** What one side of a push/pull sends: each member it knows, its state, generation and incarnation. Reused. */
    static final class MemberStates {
        int size;
        int[] member = new int[0];
        MemberState[] state = new MemberState[0];
        int[] gen = new int[0];
        int[] inc = new int[0];

        void take(Peer p) {
            MemberTable v = p.members;
            int n = v.size();
            if (member.length < n) {
                member = new int[n];
                state = new MemberState[n];
                gen = new int[n];
                inc = new int[n];
            }
            size = 0;
            for (int m = 0; m < n; m++) {
                if (v.known(m)) {
                    member[size] = m;
                    state[size] = v.state(m);
                    gen[size] = v.gen(m);
                    inc[size] = v.inc(m);
                    size++;
                }
            }
        }
    }

    /** The underlay changed or a host booted: nodes with failed peers try to reach them again. */
    void resumeReconnects(long time) {
        for (Peer r : w.peers) {
            if (r != null && r.running && !r.reconnecting) {
                MemberTable v = r.members;
                for (int m = 0; m < v.size(); m++) {
                    if (v.is(m, MemberState.DEAD)) {
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
        Ids failed = w.candidates(r, m -> r.members.is(m, MemberState.DEAD));
        boolean reachable = false;
        for (int i = 0; i < failed.size(); i++) {
            int m = failed.get(i);
            reachable |= w.peers[m] != null && w.peers[m].running && w.reach(r.id, m);
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
        Audience alive = w.audience.alive(p.members, p.id, -1);
        if (alive.size() > 0) {
            pushPull(p, w.peers[alive.get(p.gossipRandom.nextInt(alive.size()))], t, false);
        }
        for (String network : new ArrayList<>(p.tables.keySet())) {
            Audience netPeers = transport.networkAudience(p, network);
            for (int q : netPeers.pick(2, p.gossipRandom)) {
                if (w.peers[q].running && w.reach(p.id, q)) {
                    db.bulkSync(p, w.peers[q], network, t);
                    break;
                }
            }
        }
        w.agenda.at(t + w.config.pushPullIntervalNanos(), () -> antiEntropyTick(p, gen));
    }
}
