package io.flotilla.scheduler.model;

/** A node as the manager sees it: its spec, what it believes of its health, and its availability. */
public record Node(NodeSpec spec, NodeStatus status, Availability availability) {

    public String name() {
        return spec.name();
    }

    public Node withStatus(NodeStatus newStatus) {
        return new Node(spec, newStatus, availability);
    }

    public Node withAvailability(Availability newAvailability) {
        return new Node(spec, status, newAvailability);
    }
}
