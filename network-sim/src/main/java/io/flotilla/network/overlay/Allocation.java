package io.flotilla.network.overlay;

/** The outcome of asking a network for an address: the address, or the upstream error text. */
public sealed interface Allocation {

    record Address(String address) implements Allocation {}

    record Failed(String error) implements Allocation {}
}
