package io.flotilla.network.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrafficLedgerTest {

    private final TrafficLedger ledger = new TrafficLedger();
    private final Outcome out = new Outcome();

    private void served(int backend, long completesAt) {
        out.set(backend, completesAt);
        ledger.record(Result.SERVED, out);
    }

    @Test
    void aServedRequestCountsWhenItCompletesAndIsResetIfItsTaskStopsFirst() {
        served(0, 10);
        served(0, 20);
        served(1, 15);
        ledger.advanceTo(12);
        assertEquals(1, ledger.count(Result.SERVED));
        assertEquals(2, ledger.inFlight());
        ledger.backendStopped(0, 18);
        assertEquals(1, ledger.count(Result.RESET), "the request due at 20 was cut off at 18");
        ledger.advanceTo(100);
        assertEquals(2, ledger.count(Result.SERVED));
        assertEquals(1, ledger.servedBy(0));
        assertEquals(1, ledger.servedBy(1));
        assertEquals(0, ledger.inFlight());
    }

    @Test
    void failuresCountAtOnceByReason() {
        ledger.record(Result.NXDOMAIN, out);
        ledger.record(Result.TIMEOUT, out);
        ledger.record(Result.TIMEOUT, out);
        assertEquals(3, ledger.sent());
        assertEquals(3, ledger.failed());
        assertEquals(2, ledger.count(Result.TIMEOUT));
        assertEquals("no_route", Result.NO_ROUTE.key());
    }

    @Test
    void manyInFlightRequestsGrowTheRing() {
        for (int i = 0; i < 100; i++) {
            served(3, 1000 + i);
        }
        ledger.advanceTo(1049);
        ledger.backendStopped(3, 1049);
        assertEquals(50, ledger.count(Result.SERVED));
        assertEquals(50, ledger.count(Result.RESET));
    }

    @Test
    void targetsParseOnce() {
        assertEquals(new Target.NodePort("worker-1", 8080), Target.parse("worker-1:8080"));
        assertEquals(new Target.Name("tasks.web"), Target.parse("tasks.web"));
        assertEquals(new Target.Name("web:http"), Target.parse("web:http"));
        assertEquals(new Target.Name("w1:70000"), Target.parse("w1:70000"));
    }
}
