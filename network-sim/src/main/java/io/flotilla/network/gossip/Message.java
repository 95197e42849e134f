package io.flotilla.network.gossip;

import java.util.Optional;

/** What nodes tell each other: memberlist's member messages and NetworkDB's table events. */
sealed interface Message {

    /** The subject the message is about; a newer queued message on the same subject replaces an older one. */
    String subject();

    /** {@code member} (daemon generation {@code gen}) is alive at incarnation {@code inc}. */
    record Alive(int member, int gen, int inc) implements Message {
        public String subject() {
            return "m" + member;
        }
    }

    /** {@code from} suspects {@code member}. */
    record Suspect(int member, int gen, int inc, int from) implements Message {
        public String subject() {
            return "m" + member;
        }
    }

    /** {@code from} declares {@code member} dead; from the member itself it means "I left". */
    record Dead(int member, int gen, int inc, int from) implements Message {
        public String subject() {
            return "m" + member;
        }
    }

    /** A table entry as its owner last wrote it: a value, or a tombstone when {@code value} is empty. */
    record Table(String network, String key, int owner, int ownerGen, long lamport, Optional<Endpoint> value)
            implements Message {
        public String subject() {
            return network + "/" + key;
        }
    }
}
