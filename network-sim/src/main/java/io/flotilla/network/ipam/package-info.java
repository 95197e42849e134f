/**
 * Address management inside one subnet: serial allocation after a {@code .1} gateway, explicit
 * reservations checked against the subnet and against duplicates, release, and the error words
 * Docker prints when a network runs out of addresses. Every driver's networks hand out their
 * addresses through an {@link io.flotilla.network.ipam.AddressPool}.
 */
package io.flotilla.network.ipam;
