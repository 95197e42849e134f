/**
 * Reads scenario files: YAML with line and column marks (SnakeYAML's composed node tree), then
 * binding and validation section by section into {@code io.flotilla.scenarios.model}. Validation
 * happens here, once, at the edge: every problem in a file is collected with its line and column,
 * in file order, and nothing the user writes can make the parser throw. Each timeline action and
 * each expectation check has its own binder ({@code ActionBinders}, {@code CheckBinders}); a key the
 * format names but a run would not honour is refused as not simulated yet, never ignored.
 */
package io.flotilla.scenarios.parse;
