package io.flotilla.sim.kernel;

/** A test event: something labelled happened. */
record Marked(String label) implements Event {
    @Override
    public String type() {
        return "test.marked";
    }
}
