package io.flotilla.scenarios.lint;

import io.flotilla.scenarios.model.SourcePos;
import io.flotilla.scenarios.model.Vulnerability;
import io.flotilla.scheduler.model.ServiceSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service as the lint reads it: its bound spec, where its name is written ({@code at}), where
 * the value of each key it writes is ({@code written}, by key: {@code image}, {@code user}, ...),
 * and the known vulnerabilities of its image's layers ({@code vulnerabilities}, base first).
 */
public record LintedService(String name, SourcePos at, ServiceSpec spec, Map<String, SourcePos> written,
        List<Vulnerability> vulnerabilities) {

    public LintedService {
        written = Map.copyOf(written);
        vulnerabilities = List.copyOf(vulnerabilities);
    }

    /** A service whose image has no known vulnerabilities. */
    public LintedService(String name, SourcePos at, ServiceSpec spec, Map<String, SourcePos> written) {
        this(name, at, spec, written, List.of());
    }

    /** Where the value of {@code key} is written, or else the service's name. */
    public SourcePos where(String key) {
        return Optional.ofNullable(written.get(key)).orElse(at);
    }
}
