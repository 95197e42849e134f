/**
 * JMH benchmarks of the network model's hot paths: deciding one request's fate (resolve, balance,
 * deliver) for both orchestrators, on converged views; and the gossip layer's start-up, when a
 * thousand nodes join their networks at once and bulk-sync them.
 */
package io.flotilla.benchmarks.network;
