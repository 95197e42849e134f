package io.flotilla.scenarios.model;

import java.util.Optional;

/**
 * A user network. {@code driver} is {@code overlay} (the default) or {@code bridge}; without a
 * {@code subnet} the network gets the next /24 of the default pool 10.0.0.0/8.
 */
public record NetworkDecl(String name, String driver, Optional<String> subnet, SourcePos pos) {}
