/**
 * Kubernetes' Pod Security admission as pure functions: the checks of upstream's {@code
 * k8s.io/pod-security-admission/policy} that the compose keys can reach (privileged, capabilities,
 * running as root, seccomp and AppArmor profiles, privilege escalation, host ports), one class per
 * check with upstream's reasons and details word for word, the order they run in ({@link
 * io.flotilla.scheduler.admission.kubernetes.PodSecurityChecks}), the verdict on a pod for a
 * namespace's level ({@link io.flotilla.scheduler.admission.kubernetes.PodSecurityAdmission}), and
 * how a service's compose keys become the pod's securityContext ({@link
 * io.flotilla.scheduler.admission.kubernetes.ComposeSecurityContext}). The API server of the
 * simulated control plane calls them wherever a pod is created, whichever controller creates it.
 */
package io.flotilla.scheduler.admission.kubernetes;
