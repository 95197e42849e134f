/**
 * Kubernetes networking: pod and Service addresses, Services and their EndpointSlice conditions,
 * cluster DNS names, every node's kube-proxy rules with their sync lag, NodePorts, the NetworkPolicies
 * a pod's ingress is held to, and the router that decides a request's fate with kube-proxy's uniform
 * random choice.
 */
package io.flotilla.network.kubernetes;
