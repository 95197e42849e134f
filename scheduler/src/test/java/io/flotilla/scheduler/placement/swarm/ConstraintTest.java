package io.flotilla.scheduler.placement.swarm;

import static io.flotilla.scheduler.placement.swarm.Fixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scheduler.model.NodeRole;
import io.flotilla.scheduler.model.NodeSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ports manager/constraint/constraint_test.go and manager/scheduler/constraint_test.go. */
class ConstraintTest {

    record Parse(String name, String text, Optional<String> error, String key, String value) {
        static Parse ok(String name, String text, String key, String value) {
            return new Parse(name, text, Optional.empty(), key, value);
        }

        static Parse error(String name, String text, String error) {
            return new Parse(name, text, Optional.of(error), null, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Parse> parses() {
        String noOp = "constraint expected one operator from ==, !=";
        return Stream.of(
                Parse.error("TestParse: empty string", "", noOp),
                Parse.error("TestParse: a space", " ", noOp),
                Parse.error("TestParse: no operator", "nodeabc", noOp),
                Parse.error("TestParse: incorrect operator", "node ~ abc", noOp),
                Parse.error("TestParse: key cannot start with a digit", "1node==a2", "key '1node' is invalid"),
                Parse.ok("TestParse: surrounding white space is ignored", " node == node1", "node", "node1"),
                Parse.error("TestParse: no white space inside the key", "no de== node1", "key 'no de' is invalid"),
                Parse.error("TestParse: no * in the key", "no*de==node1", "key 'no*de' is invalid"),
                Parse.error("TestParse: key cannot be empty", "==node1", "key '' is invalid"),
                Parse.error("TestParse: value cannot be empty", "node==", "value '' is invalid"),
                Parse.error("TestParse: value cannot be a space", "node== ", "value '' is invalid"),
                Parse.error("TestParse: no $ in the key", "no$de==node1", "key 'no$de' is invalid"),
                Parse.ok("TestParse: capitals in the key", "NoDe==node1", "NoDe", "node1"),
                Parse.ok("TestParse: dot in the key", "no.de==node1", "no.de", "node1"),
                Parse.ok("TestParse: leading underscore", "_node==_node1", "_node", "_node1"),
                Parse.ok("TestParse: special characters in the value", "node==[a-b]+c*(n|b)/", "node", "[a-b]+c*(n|b)/"),
                Parse.ok("TestParse: space inside the value", "node==node 1", "node", "node 1"),
                Parse.error("a one-letter key is too short for the key pattern", "a==b", "key 'a' is invalid"),
                Parse.error("== is looked for before !=", "a!=b==c", "key 'a!=b' is invalid"),
                Parse.error("the text is split at the first ==", "node.labels.x==a==b", "value 'a==b' is invalid"),
                Parse.error("operators like > are not values", "node.labels.x==>3", "value '>3' is invalid"),
                Parse.ok("Go trims a no-break space", "\u00A0node.id == n1\u00A0", "node.id", "n1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parses")
    void parsesLikeSwarmkit(Parse c) {
        Constraint.ParseResult r = Constraint.parse(List.of(c.text()));
        assertEquals(c.error(), r.error());
        assertEquals(c.error(), Constraint.validate(c.text()));
        if (c.error().isEmpty()) {
            assertEquals(c.key(), r.constraints().get(0).key());
            assertEquals(c.value(), r.constraints().get(0).value());
        }
    }

    record Match(String name, List<String> constraints, Fixtures.NodeBuilder node, boolean matches) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Match match(String name, String constraint, Fixtures.NodeBuilder node, boolean matches) {
        return new Match(name, List.of(constraint), node, matches);
    }

    static Stream<Match> matches() {
        return Stream.of(
                // TestMatch: literal, case-insensitive, whole-string comparison
                match("TestMatch: equal", "node.labels.name==foo", node("n").label("name", "foo"), true),
                match("TestMatch: shorter", "node.labels.name==foo", node("n").label("name", "fo"), false),
                match("TestMatch: longer", "node.labels.name==foo", node("n").label("name", "fooE"), false),
                match("TestMatch: != equal", "node.labels.name!=foo", node("n").label("name", "foo"), false),
                match("TestMatch: != other", "node.labels.name!=foo", node("n").label("name", "bar"), true),
                match("TestMatch: != longer", "node.labels.name!=foo", node("n").label("name", "fooExtra"), true),
                match("TestMatch: * is no glob", "node.labels.name==f*o", node("n").label("name", "foo"), false),
                match("TestMatch: * matches itself", "node.labels.name==f*o", node("n").label("name", "f*o"), true),
                match("TestMatch: case-insensitive", "node.labels.name==f*o", node("n").label("name", "F*o"), true),
                match("TestMatch: special characters", "node.labels.name==f.-$o", node("n").label("name", "f.-$o"), true),
                match("TestMatch: . is no wildcard", "node.labels.name==f.-$o", node("n").label("name", "fa-$o"), false),
                // scheduler/constraint_test.go
                match("TestWrongSyntax: unknown key never matches", "node.abc.bcd == high", node("n"), false),
                match("TestWrongSyntax: not even with !=", "node.abc.bcd != high", node("n"), false),
                match("TestNodeHostname: other hostname", "node.hostname != node-1", node("node-2"), true),
                match("TestNodeHostname: same hostname", "node.hostname != node-1", node("node-1"), false),
                match("TestNodeHostname: case-insensitive", "node.hostname != node-1", node("NODe-1"), false),
                match("TestNodeID: equal", "node.id == nodeid-1", node("nodeid-1"), true),
                match("TestNodeID: cannot be longer", "node.id == nodeid-1-extra", node("nodeid-1"), false),
                match("TestNodeID: cannot be shorter", "node.id == nodeid-", node("nodeid-1"), false),
                match("TestNodeRole: worker", "node.role == worker", node("n"), true),
                match("TestNodeRole: not a manager", "node.role == manager", node("n"), false),
                match("TestNodeRole: no such role", "node.role == worker-manager", node("n"), false),
                match("TestNodeRole: manager", "node.role == MANAGER", node("n").role(NodeRole.MANAGER), true),
                match("TestNodePlatform: no platform yet", "node.platform.os == linux", node("n").noPlatform(), false),
                match("TestNodePlatform: os", "node.platform.os == linux", node("n").platform("linux", "x86_64"), true),
                match("TestNodePlatform: other os", "node.platform.os == linux", node("n").platform("windows", "x86_64"), false),
                match("TestNodePlatform: arch is not normalised", "node.platform.arch == amd64",
                        node("n").platform("windows", "x86_64"), false),
                match("TestNodePlatform: arch !=", "node.platform.arch != amd64", node("n").platform("windows", "x86_64"), true),
                match("TestNodeLabel: missing", "node.labels.security == high", node("n"), false),
                match("TestNodeLabel: engine label is not a node label", "node.labels.security == high",
                        node("n").engineLabel("security", "high"), false),
                match("TestNodeLabel: node label", "node.labels.security == high", node("n").label("security", "high"), true),
                match("TestNodeLabel: label names are exact", "node.labels.Security == high",
                        node("n").label("security", "high"), false),
                match("TestNodeLabel: the prefix is not", "NODE.LABELS.security == high", node("n").label("security", "high"), true),
                match("TestEngineLabel: missing label matches !=", "engine.labels.disk != ssd", node("n"), true),
                match("TestEngineLabel: node label is not an engine label", "engine.labels.disk != ssd",
                        node("n").label("disk", "ssd"), true),
                match("TestEngineLabel: engine label", "engine.labels.disk != ssd", node("n").engineLabel("disk", "ssd"), false),
                match("TestEngineLabel: extra labels do not interfere", "engine.labels.disk != ssd",
                        node("n").engineLabel("disk", "ssd").engineLabel("memory", "large"), false),
                match("TestNodeIP: Flotilla nodes have no address", "node.ip == 186.17.9.41", node("n"), false),
                match("TestNodeIP: not even with !=", "node.ip != 0.0.0.0", node("n"), false),
                new Match("TestMultipleConstraints: hostname fails",
                        List.of("node.hostname == node-1", "engine.labels.operatingsystem != Ubuntu 14.04"), node("node-2"), false),
                new Match("TestMultipleConstraints: both hold",
                        List.of("node.hostname == node-1", "engine.labels.operatingsystem != Ubuntu 14.04"), node("node-1"), true),
                new Match("TestMultipleConstraints: case-insensitive value",
                        List.of("node.hostname == node-1", "engine.labels.operatingsystem != Ubuntu 14.04"),
                        node("node-1").engineLabel("operatingsystem", "ubuntu 14.04"), false),
                new Match("TestMultipleConstraints: another version",
                        List.of("node.hostname == node-1", "engine.labels.operatingsystem != Ubuntu 14.04"),
                        node("node-1").engineLabel("operatingsystem", "ubuntu 15.04"), true),
                new Match("TestMultipleConstraints: a third, unmet",
                        List.of("node.hostname == node-1", "node.labels.security == high"),
                        node("node-1").label("security", "low"), false),
                new Match("TestMultipleConstraints: a third, met",
                        List.of("node.hostname == node-1", "node.labels.security == high"),
                        node("node-1").label("security", "high").engineLabel("memory", "large"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matches")
    void matchesLikeSwarmkit(Match c) {
        Constraint.ParseResult r = Constraint.parse(c.constraints());
        assertEquals(Optional.empty(), r.error());
        NodeSpec spec = c.node().build().spec();
        assertEquals(c.matches(), Constraint.matchAll(r.constraints(), spec, spec.role()));
    }
}
