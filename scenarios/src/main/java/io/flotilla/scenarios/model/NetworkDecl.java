package io.flotilla.scenarios.model;

import io.flotilla.network.driver.Driver;
import java.util.Optional;

/**
 * A user network: {@code overlay} (the default; across hosts, optionally {@code encrypted}),
 * {@code bridge} (one per host, never across hosts) or {@code macvlan} (tasks on the hosts' own
 * segment, whose {@code subnet} it must be given). Without a {@code subnet} an overlay gets the next
 * /24 of the default pool 10.0.0.0/8 and a bridge Docker's next local pool.
 */
public record NetworkDecl(String name, Driver driver, Optional<String> subnet, boolean encrypted, SourcePos pos) {}
