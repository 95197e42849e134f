/**
 * {@code flotilla import}: a Docker stack (compose version 3) file, or Kubernetes manifests, turned
 * into a scenario with a default cluster. Every key of the source is either carried into the
 * scenario or reported as dropped, with its {@code FILE:LINE:COLUMN} and why; what the scenario
 * parser refuses in the result is dropped the same way, so the scenario written always validates.
 */
package io.flotilla.scenarios.imports;
