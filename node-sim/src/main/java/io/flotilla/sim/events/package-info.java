/**
 * Everything that happens in a run, as records for the event log. Events named after what
 * really happened ({@link TaskStateChanged}, {@link NodeCrashed}) are the truth; events named
 * after what the manager records ({@link TaskObserved}, {@link NodeStatusChanged}) are its
 * belief, which lags the truth while messages are lost or heartbeats are still awaited.
 * {@link ActionIgnored} is neither: a timeline action that found nothing to change.
 * {@link ContainerCommanded} (an operator's {@code docker pause}, {@code stop}...) and
 * {@link ContainerOomKilled} are truth about one container.
 *
 * <p>The data plane's events follow the same split: {@link TaskAddressed}, {@link TaskHealthChanged}
 * and {@link TrafficCounted} are truth; {@link DnsAnswersChanged} and {@link LbBackendChanged} are
 * what one node believes (its DNS and load balancer, from its own view); {@link RequestExplained}
 * sets one request's belief (what its node resolved and picked) against the truth it met;
 * {@link RequestServed}, one per answered request and only in a run asked for access logs, is truth.
 *
 * <p>Images: {@link ImagePullStarted}, {@link ImagePulled} and {@link ImagePullFailed} are what a
 * node's daemon really did, {@link TaskWaiting} is a pod's container waiting for its image (the
 * kubelet's reason), and {@link RegistryStateChanged} a registry going down or coming back.
 */
package io.flotilla.sim.events;
