package io.flotilla.scenarios.imports;

import java.util.List;
import java.util.Map;

/**
 * What an import of one kind of source adds beside the sections it wrote: how many tasks of each
 * workload should run, and the lines the scenario's header comment should say about it.
 */
record Imported(Map<String, Long> running, List<String> notes) {}
