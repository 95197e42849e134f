package io.flotilla.network.request;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {

    private final Backends backends = new Backends();

    private List<Integer> on(int host) {
        List<Integer> ids = new ArrayList<>();
        backends.forEachOn(host, ids::add);
        return ids;
    }

    @Test
    void aHostListsItsOwnEndpointsInTheOrderTheyCame() {
        for (int i = 0; i < 20; i++) {
            backends.intern("task-" + i, "web." + i, i % 3 == 0 ? 7 : 2);
        }
        assertEquals(List.of(0, 3, 6, 9, 12, 15, 18), on(7));
        assertEquals(13, on(2).size());
        assertEquals(List.of(1, 2, 4, 5), on(2).subList(0, 4));
        assertEquals(List.of(), on(0), "a host with no endpoint");
        assertEquals(List.of(), on(50), "a host beyond every one seen");
    }

    @Test
    void anEndpointSeenAgainStaysWhereItWasFirstSeen() {
        assertEquals(0, backends.intern("task-a", "web.1", 1));
        assertEquals(0, backends.intern("task-a", "web.1", 2));
        assertEquals(List.of(0), on(1));
        assertEquals(List.of(), on(2));
        assertEquals(1, backends.host(0));
    }

    @Test
    void anEndpointOnNoHostIsOnNoHostsList() {
        backends.intern("outside", "client", -1);
        assertEquals(List.of(), on(-1));
        assertEquals(List.of(), on(0));
    }
}
