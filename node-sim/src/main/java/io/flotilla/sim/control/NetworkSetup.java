package io.flotilla.sim.control;

import java.util.Optional;

/** A user-defined overlay network: its name, and its subnet in CIDR notation when one is fixed. */
public record NetworkSetup(String name, Optional<String> subnet) {}
