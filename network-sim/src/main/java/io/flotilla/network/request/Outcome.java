package io.flotilla.network.request;

/**
 * Where a router writes the details of one decision, reused from request to request so that routing
 * allocates nothing: the backend that serves (or that the request was sent to before it failed), and
 * when the client has its answer.
 */
public final class Outcome {

    /** The backend id ({@link Backends}), or -1 when the request never reached one. */
    public int backend = -1;
    /** When the client has its answer, or gives up. */
    public long completesAt;

    public void set(int backend, long completesAt) {
        this.backend = backend;
        this.completesAt = completesAt;
    }
}
