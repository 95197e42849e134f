/**
 * JMH benchmarks of the network model's hot path: deciding one request's fate (resolve, balance,
 * deliver) for both orchestrators, on converged views.
 */
package io.flotilla.benchmarks.network;
