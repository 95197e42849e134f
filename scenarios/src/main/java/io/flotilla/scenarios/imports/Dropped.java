package io.flotilla.scenarios.imports;

/**
 * Something of the source that the scenario leaves out, and why:
 * {@code docker-stack.yml:28:5: dropped services.db.environment: what runs inside a container is not simulated}.
 */
public record Dropped(String file, int line, int column, String what, String why) {

    static Dropped of(Origin at, String why) {
        return new Dropped(at.file(), at.line(), at.column(), at.path(), why);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": dropped " + what + ": " + why;
    }
}
