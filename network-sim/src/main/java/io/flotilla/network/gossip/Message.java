package io.flotilla.network.gossip;

/** What nodes tell each other: memberlist's member messages and NetworkDB's table events. */
sealed interface Message {

    /**
     * The subject the message is about (a member, or a key of the table); a newer queued message on the
     * same subject replaces an older one in a queue.
     */
    int subject();

    /** {@code member} (daemon generation {@code gen}) is alive at incarnation {@code inc}. */
    record Alive(int member, int gen, int inc) implements Message {
        public int subject() {
            return member;
        }
    }

    /** {@code from} suspects {@code member}. */
    record Suspect(int member, int gen, int inc, int from) implements Message {
        public int subject() {
            return member;
        }
    }

    /** {@code from} declares {@code member} dead; from the member itself it means "I left". */
    record Dead(int member, int gen, int inc, int from) implements Message {
        public int subject() {
            return member;
        }
    }

    /**
     * A table entry as its owner wrote it: {@code version} of key {@code key} in the network's
     * {@link TableLog}, a value or a tombstone.
     */
    record Table(String network, int key, int version) implements Message {
        public int subject() {
            return key;
        }
    }
}
