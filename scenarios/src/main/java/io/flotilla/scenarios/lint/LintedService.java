package io.flotilla.scenarios.lint;

import io.flotilla.scenarios.model.SourcePos;
import io.flotilla.scheduler.model.ServiceSpec;
import java.util.Map;
import java.util.Optional;

/**
 * A service as the lint reads it: its bound spec, where its name is written ({@code at}) and where
 * the value of each key it writes is ({@code written}, by key: {@code image}, {@code user}, ...).
 */
public record LintedService(String name, SourcePos at, ServiceSpec spec, Map<String, SourcePos> written) {

    public LintedService {
        written = Map.copyOf(written);
    }

    /** Where the value of {@code key} is written, or else the service's name. */
    public SourcePos where(String key) {
        return Optional.ofNullable(written.get(key)).orElse(at);
    }
}
