/**
 * Where the network model's randomness comes from: named, seeded streams, one per decision and
 * host, handed in by the simulation so that equal seeds give equal runs.
 */
package io.flotilla.network.random;
