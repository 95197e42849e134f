package io.flotilla.scenarios.report;

import static io.flotilla.scenarios.HandLog.dns;
import static io.flotilla.scenarios.HandLog.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flotilla.scenarios.HandLog;
import io.flotilla.scenarios.cli.Main;
import io.flotilla.scenarios.model.NetworkDecl;
import io.flotilla.scenarios.model.NodeDecl;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scheduler.model.NodeSpec;
import io.flotilla.scheduler.model.ServiceSpec;
import io.flotilla.scheduler.model.TaskSpec;
import io.flotilla.sim.events.NodeCrashed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.htmlunit.html.DomElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A report is safe to open anywhere: it asks for nothing outside itself, and every name a scenario
 * gives (markup, quotes, newlines, control characters, right-to-left text, a {@code </script>})
 * is shown as text and runs nothing.
 */
class ReportSafetyTest {

    @TempDir
    static Path dir;

    /** What would make a page load something, or reach out once loaded. */
    static final List<Pattern> REACHING_OUT = List.of(
            Pattern.compile("\\b(src|href|action|formaction|poster|srcset|data)\\s*=", Pattern.CASE_INSENSITIVE),
            Pattern.compile("url\\s*\\(", Pattern.CASE_INSENSITIVE),
            Pattern.compile("@import", Pattern.CASE_INSENSITIVE),
            Pattern.compile("https?:", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bfetch\\s*\\("),
            Pattern.compile("XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|\\bimport\\s*\\(|new\\s+Worker"),
            Pattern.compile("<\\s*(link|iframe|img|object|embed|frame|base|audio|video|source)\\b", Pattern.CASE_INSENSITIVE));

    /** A page and how it was made. */
    record Page(String name, Path file) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Page> pages() {
        Path run = dir.resolve("traffic.html");
        Path compare = dir.resolve("compare.html");
        assertEquals(0, cli("run", "examples/traffic-vip-failover.yaml", "--report", run.toString()));
        assertEquals(0, cli("compare", "examples/compare-worker-crash.yaml", "--report", compare.toString()));
        return Stream.of(new Page("run --report", run), new Page("compare --report", compare));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void aReportReferencesNothingOutsideItself(Page p) {
        String html = ReportPage.read(p.file);
        for (Pattern reach : REACHING_OUT) {
            Matcher m = reach.matcher(html);
            assertFalse(m.find(), () -> p.name + " has " + m.group() + " at " + m.start());
        }
        try (ReportPage report = ReportPage.open(p.file)) {
            report.scrubTo(30_000);
            report.scrubTo(60_000);
            assertEquals(1, report.requested.size(), () -> "the page asked for itself and nothing else: " + report.requested);
            assertTrue(report.requested.get(0).endsWith("/" + p.file.getFileName()), report.requested.get(0));
        }
    }

    static final String HOSTILE_NETWORK = "</script><script>window.pwned=2</script>";
    static final String HOSTILE_ZONE = "<img src=x onerror=window.pwned=3> \"quoted\" 'single' & ampersand";
    static final String RIGHT_TO_LEFT = "\u05e9\u05dc\u05d5\u05dd \u202eevil";
    static final String HOSTILE_NODE = "<script>window.pwned=1</script>";

    @Test
    void hostileNamesAreShownAsText() {
        Scenario parsed = ReportPage.parse("""
                scenario: hostile
                description: "<script>window.pwned=4</script> \\"quoted\\"\\nsecond line \\x07 bell \\u202Eright to left"
                until: 1m
                nodes:
                  - {name: manager-1, role: manager}
                  - {name: worker, count: 2, labels: {zone: "%s"}}
                  - {name: far, labels: {zone: "%s"}}
                networks:
                  front: {}
                services:
                  web: {image: nginx, networks: [front], deploy: {replicas: 2}}
                timeline:
                  - {at: 20s, crash: worker-1}
                """.formatted(HOSTILE_ZONE.replace("\"", "\\\""), RIGHT_TO_LEFT));
        // A node name and a network name the parser would refuse, as a log written by hand can still hold them.
        List<NodeDecl> nodes = parsed.nodes().stream().map(n -> n.name().equals("worker-2") ? renamed(n, HOSTILE_NODE) : n).toList();
        NetworkDecl front = parsed.networks().get("front");
        ServiceSpec web = parsed.services().get(0);
        TaskSpec task = web.task();
        ServiceSpec hostileWeb = new ServiceSpec(web.name(), web.mode(), web.replicas(), new TaskSpec(task.image(),
                task.reservations(), task.limits(), task.placement(), task.ports(), List.of(HOSTILE_NETWORK), task.restartPolicy(),
                task.healthcheck(), task.stopGracePeriodNanos()),
                web.update(), web.rollback(), web.endpointMode());
        Scenario scenario = new Scenario(parsed.file(), parsed.name(), parsed.description(), parsed.seed(), parsed.strategy(),
                parsed.until(), parsed.swarm(), parsed.kubernetes(), parsed.networkProfile(), nodes,
                new TreeMap<>(Map.of(HOSTILE_NETWORK, new NetworkDecl(HOSTILE_NETWORK, front.driver(), front.subnet(), front.encrypted(),
                        front.pos()))),
                parsed.volumes(), List.of(hostileWeb), parsed.statefulsets(), parsed.storageClasses(), parsed.images(), parsed.pods(), parsed.traffic(),
                parsed.timeline(), parsed.expectations(), parsed.kubernetesProblems(), parsed.swarmProblems());
        RunResult run = new HandLog()
                .at("0s").add(running("web.1#1", "web", 1, HOSTILE_NODE))
                .add(running("web.2#1", "web", 2, "worker-1"))
                .at("1s").add(dns(HOSTILE_NODE, HOSTILE_NETWORK, "tasks.web", List.of("10.0.1.3", "10.0.1.4"), List.of("web.1#1", "web.2#1")))
                .at("20s").add(new NodeCrashed(HOSTILE_NODE))
                .run(scenario);
        String html;
        try (ReportPage report = ReportPage.of(run, dir)) {
            html = ReportPage.read(dir.resolve("hostile.swarm.html"));
            report.scrubTo(30_000);
            assertEquals("undefined", report.page.executeJavaScript("typeof window.pwned").getJavaScriptResult().toString(),
                    "nothing of a name ran");
            assertEquals(2, report.all("script").size(), "the data block and the page's own script, no more");
            assertEquals(List.of(), report.all("body img, body b, main script"));
            String text = report.page.getBody().getTextContent();
            for (String name : List.of(HOSTILE_NODE, HOSTILE_NETWORK, HOSTILE_ZONE, RIGHT_TO_LEFT, "\"quoted\"")) {
                assertTrue(text.contains(name), "shown as text: " + name);
            }
            assertTrue(report.all("bdi").stream().map(DomElement::getTextContent).anyMatch(t -> t.contains(RIGHT_TO_LEFT)),
                    "right-to-left text is isolated from what surrounds it");
            assertTrue(report.all("#state [data-node]").stream().anyMatch(e -> e.getAttribute("data-node").equals(HOSTILE_NODE)));
            assertTrue(report.all("#state [data-network]").stream().anyMatch(e -> e.getAttribute("data-network").equals(HOSTILE_NETWORK)));
        }
        assertEquals(2, count(html, "</script>"), "a name never ends the data block");
        assertEquals(2, count(html, "<script"));
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("\\u003c/script\\u003e\\u003cscript\\u003ewindow.pwned=2\\u003c/script\\u003e"), "escaped in the data");
    }

    @Test
    void aReportThatCannotBeWrittenIsBadInput() {
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "examples/worker-failover.yaml", "--report", dir.resolve("no/such/dir.html").toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("cannot write the report to"), err.toString());
    }

    private static NodeDecl renamed(NodeDecl n, String name) {
        NodeSpec s = n.spec();
        return new NodeDecl(new NodeSpec(name, s.role(), s.resources(), s.labels(), s.engineLabels(), s.platform(), s.taints(), s.plugins()),
                n.availability(), n.pullBandwidthBytesPerSecond(), n.disk(), n.storageDriver(), n.pos());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static int cli(String... args) {
        return Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }
}
