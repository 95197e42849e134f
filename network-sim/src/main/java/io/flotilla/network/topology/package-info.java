/**
 * Who can reach whom, and how fast. Hosts and network devices form a weighted jgrapht graph; hosts
 * are leaves. Faults mask hosts, devices and links; partitions and link cuts between two hosts are
 * pair blocks, which no route through a third host can bypass. Reachability and path latency are
 * computed once per topology epoch and read per request from arrays. Apart from the graph, the
 * firewalls in front of the hosts say which ports' inbound packets each host drops.
 */
package io.flotilla.network.topology;
