/**
 * The views people already know, computed from a run at any virtual moment, with the real tools'
 * columns, words and alignment: {@code docker service ps} ({@link io.flotilla.scenarios.views.ServicePs}),
 * {@code docker node ls} ({@link io.flotilla.scenarios.views.NodeList}), {@code docker inspect} of a
 * task ({@link io.flotilla.scenarios.views.TaskInspect}), {@code kubectl get pods}, {@code get nodes}
 * and {@code describe pod} ({@link io.flotilla.scenarios.views.PodTable},
 * {@link io.flotilla.scenarios.views.KubeNodeTable}, {@link io.flotilla.scenarios.views.PodDescription}).
 *
 * <p>Each view reads a {@link io.flotilla.scenarios.views.RunMoment}, the event log folded up to the
 * moment, and shows what the real tool would show: the manager's record and the API server's, not
 * the truth the timeline tells beside it. Where the tools print random identifiers the views print
 * {@link io.flotilla.scenarios.views.DisplayIds}, derived from the seed, so the same run always
 * prints the same text.
 */
package io.flotilla.scenarios.views;
