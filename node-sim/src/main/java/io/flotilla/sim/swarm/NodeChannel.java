package io.flotilla.sim.swarm;

/** The dispatcher's side of a node's session: heartbeat answers and full resyncs of assignments. */
interface NodeChannel {

    /** Answers a heartbeat with the period of the next one; asks for every task report again when some were lost. */
    void ack(String node, long nextPeriodNanos, boolean resendReports);

    /** Sends the node everything it should run now, replacing whatever it was sent before. */
    void resendAssignments(String node);
}
