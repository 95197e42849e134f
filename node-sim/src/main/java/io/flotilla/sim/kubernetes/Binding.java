package io.flotilla.sim.kubernetes;

/** The scheduler binds a pod to a node (upstream's {@code pods/binding} subresource). */
@FunctionalInterface
interface Binding {

    void bind(PodState p, String node);
}
