/**
 * {@code validate --lint}: the security and operations practices of the teaching guide a service
 * does not follow, as warnings at the place in the file that shows it (run as root, a writable root
 * filesystem, Docker's default capabilities kept, privileged, no health check, the {@code latest}
 * tag). Swarm has no admission control that would refuse such a service; the lint says what a
 * restricted Kubernetes namespace would. One class per rule, their order in {@link
 * io.flotilla.scenarios.lint.LintRules}; each reads a service as bound, with where its keys are
 * written ({@link io.flotilla.scenarios.lint.LintedService}).
 */
package io.flotilla.scenarios.lint;
