package io.flotilla.network.gossip;

import io.flotilla.network.gossip.Message.Alive;
import io.flotilla.network.gossip.Message.Dead;
import io.flotilla.network.gossip.Message.Suspect;
import io.flotilla.network.gossip.Message.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How messages travel between daemons: point to point over the underlay (checked when sent, delivered
 * a path latency later), and broadcasts, either memberlist's epidemic (queued, sent every gossip
 * interval to random peers, retransmitted a bounded number of times) or hop by hop with a fixed delay.
 */
final class Transport {

    private final World w;
    Memberlist members;
    NetworkDb db;

    Transport(World w) {
        this.w = w;
    }

    void send(Peer from, Peer to, Message m, long time) {
        if (!to.running || !w.reach(from.id, to.id)) {
            return;
        }
        int gen = to.gen;
        w.agenda.at(time + w.topology.latencyNanos(from.id, to.id), () -> {
            if (to.running && to.gen == gen) {
                receive(to, m);
            }
        });
    }

    /**
     * Sends several messages at once: they arrive together and are taken in order, each as if it were
     * an action of its own (what runs after an action runs between them), as sending them one by one
     * would have them: one after the other at the same instant, nothing between them.
     */
    void send(Peer from, Peer to, Message[] packet, long time) {
        if (packet.length == 1) {
            send(from, to, packet[0], time);
            return;
        }
        if (!to.running || !w.reach(from.id, to.id)) {
            return;
        }
        int gen = to.gen;
        w.agenda.at(time + w.topology.latencyNanos(from.id, to.id), () -> {
            for (int i = 0; i < packet.length; i++) {
                if (i > 0) {
                    w.afterAction.run();
                }
                if (to.running && to.gen == gen) {
                    receive(to, packet[i]);
                }
            }
        });
    }

    void receive(Peer r, Message m) {
        if (m instanceof Alive a) {
            members.onAlive(r, a);
        } else if (m instanceof Suspect s) {
            members.onSuspect(r, s);
        } else if (m instanceof Dead d) {
            members.onDead(r, d);
        } else if (m instanceof Table t) {
            db.onTable(r, t, true);
        }
    }

    /**
     * Queues a broadcast (epidemic), or delivers it hop by hop at once (fixed delay). With a fixed delay
     * only the originator sends: the relay is worked out when it is sent.
     */
    void broadcast(Peer origin, Message m, boolean originated) {
        if (w.config.dissemination() instanceof Dissemination.FixedDelay fixed) {
            if (originated || w.merging) {
                relay(origin, m, fixed.hopNanos());
            }
            return;
        }
        List<Peer.Queued> queue = m instanceof Table t
                ? origin.tableQueues.computeIfAbsent(t.network(), n -> new ArrayList<>())
                : origin.memberQueue;
        int subject = m.subject();
        int before = queue.size();
        queue.removeIf(q -> q.message.subject() == subject);
        queue.add(new Peer.Queued(m));
        origin.queued += queue.size() - before;
        wakeGossip(origin, w.agenda.now());
    }

    void relay(Peer origin, Message m, long hopNanos) {
        long t = w.agenda.now();
        boolean[] reached = new boolean[w.peers.length];
        reached[origin.id] = true;
        List<Peer> frontier = List.of(origin);
        for (int hop = 1; !frontier.isEmpty(); hop++) {
            List<Peer> next = new ArrayList<>();
            for (Peer x : frontier) {
                for (Peer y : w.peers) {
                    if (y != null && !reached[y.id] && y.running && inAudience(y, m)
                            && w.reach(x.id, y.id)) {
                        reached[y.id] = true;
                        next.add(y);
                        int gen = y.gen;
                        w.agenda.at(t + hop * hopNanos, () -> {
                            if (y.running && y.gen == gen) {
                                receive(y, m);
                            }
                        });
                    }
                }
            }
            frontier = next;
        }
    }

    boolean inAudience(Peer p, Message m) {
        return !(m instanceof Table t) || w.attached(p, t.network());
    }

    void wakeGossip(Peer o, long time) {
        if (o.running && !o.gossiping && o.hasQueued()) {
            o.gossiping = true;
            int gen = o.gen;
            w.agenda.at(World.nextTick(o.gossipPhase, w.config.gossipIntervalNanos(), time), () -> gossipTick(o, gen));
        }
    }

    /** memberlist {@code gossip} and NetworkDB's per-network gossip: queued messages to 3 random peers each. */
    void gossipTick(Peer o, int gen) {
        if (!o.running || o.gen != gen) {
            return;
        }
        long t = w.agenda.now();
        boolean anyone = false;
        if (!o.memberQueue.isEmpty()) {
            Audience audience = w.audience.gossipTargets(o.members, o.id, t, w.config.gossipToTheDeadNanos());
            // memberlist's estimated node count is exactly the gossip targets and this node itself
            if (audience.size() > 0) {
                int limit = w.config.retransmitLimit(audience.size() + 1);
                anyone |= transmit(o, o.memberQueue, audience.pick(w.config.gossipNodes(), o.gossipRandom), limit, t);
            }
        }
        for (Map.Entry<String, List<Peer.Queued>> q : o.tableQueues.entrySet()) {
            if (!q.getValue().isEmpty()) {
                Audience audience = networkAudience(o, q.getKey());
                if (audience.size() > 0) {
                    int limit = w.config.retransmitLimit(audience.size() + 1);
                    anyone |= transmit(o, q.getValue(), audience.pick(w.config.gossipNodes(), o.gossipRandom), limit, t);
                }
            }
        }
        if (anyone && o.hasQueued()) {
            w.agenda.at(t + w.config.gossipIntervalNanos(), () -> gossipTick(o, gen));
        } else {
            o.gossiping = false;
        }
    }

    /**
     * Sends the queue to {@code targets}, in one packet each (memberlist's compound message); each
     * message sent {@code limit} times leaves the queue.
     */
    boolean transmit(Peer o, List<Peer.Queued> queue, int[] targets, int limit, long t) {
        Message[] packet = new Message[queue.size()];
        for (int i = 0; i < packet.length; i++) {
            packet[i] = queue.get(i).message;
        }
        for (int target : targets) {
            send(o, w.peers[target], packet, t);
            for (Peer.Queued q : queue) {
                q.transmits++;
            }
        }
        int before = queue.size();
        queue.removeIf(q -> q.transmits >= limit);
        o.queued -= before - queue.size();
        return true;
    }

    /**
     * NetworkDB {@code networkNodes}: the other nodes attached to the network that this node believes
     * active, in the shared {@link World#audience}.
     */
    Audience networkAudience(Peer o, String network) {
        return w.audience.of(w.attachedTo(network), o.members.active(), o.id);
    }
}
