package io.flotilla.scenarios.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** "Run containers as non-root users." */
class RootUserRuleTest {

    record Case(String name, String service, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("no user: the image's, root for most", "{image: \"nginx:1.27\"}", List.of("4:3: warning: service 'web' "
                        + "runs as root: it names no user; run containers as non-root users, such as user: \"1000\" [root-user]")),
                new Case("user 0, at its value", "{user: \"0:0\"}", List.of("4:15: warning: service 'web' runs as root (user: 0:0); "
                        + "run containers as non-root users, such as user: \"1000\" [root-user]")),
                new Case("user root", "{user: root}", List.of("4:15: warning: service 'web' runs as root (user: root); "
                        + "run containers as non-root users, such as user: \"1000\" [root-user]")),
                new Case("a numeric user", "{user: \"1000\"}", List.of()),
                new Case("a named user", "{user: nginx}", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void warnsOfRoot(Case c) {
        assertEquals(c.expected(), Lints.of("root-user", c.service()));
    }
}
