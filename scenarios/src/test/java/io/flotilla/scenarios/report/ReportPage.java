package io.flotilla.scenarios.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flotilla.scenarios.expect.Expectations;
import io.flotilla.scenarios.model.Scenario;
import io.flotilla.scenarios.parse.ParseOutcome;
import io.flotilla.scenarios.parse.ScenarioParser;
import io.flotilla.scenarios.run.RunOptions;
import io.flotilla.scenarios.run.RunResult;
import io.flotilla.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.htmlunit.BrowserVersion;
import org.htmlunit.MockWebConnection;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.WebConnectionWrapper;

/**
 * A report page opened in HtmlUnit as a browser opens it, with its script run:
 * the scrubber moved as a user moves it, and what the page shows read back. Every request the page
 * makes is recorded, so a test can tell that it asked for nothing but itself.
 */
final class ReportPage implements AutoCloseable {

    final WebClient browser = new WebClient(BrowserVersion.CHROME);
    final List<String> requested = new ArrayList<>();
    final HtmlPage page;

    private ReportPage(Path file) throws IOException {
        browser.getOptions().setThrowExceptionOnScriptError(true);
        browser.getOptions().setCssEnabled(false);
        // Served from memory at an address of its own, so that every request the page makes,
        // to another file or anywhere else, passes here and is recorded (and answered with nothing).
        URL address = new URL("http://report.invalid/" + file.getFileName());
        MockWebConnection served = new MockWebConnection();
        served.setResponse(address, Files.readString(file), 200, "OK", "text/html", StandardCharsets.UTF_8, List.of());
        served.setDefaultResponse("", 404, "Not Found", "text/plain");
        browser.setWebConnection(served);
        new WebConnectionWrapper(browser) {
            @Override
            public WebResponse getResponse(WebRequest request) throws IOException {
                requested.add(request.getUrl().toString());
                return super.getResponse(request);
            }
        };
        page = browser.getPage(address);
        assertEquals("true", page.getBody().getAttribute("data-ready"), "the page's script ran to its end");
    }

    static ReportPage open(Path file) {
        try {
            return new ReportPage(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the report of {@code run} into {@code dir} and opens it. */
    static ReportPage of(RunResult run, Path dir) {
        Path file = dir.resolve(run.scenario().name() + "." + run.strategy().lowerName() + ".html");
        try {
            HtmlReport.write(file, ReportData.ofRun(run, Expectations.evaluate(run)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open(file);
    }

    /** Moves the scrubber to {@code millis} as a user drags it: its value, then its input event. */
    void scrubTo(long millis) {
        HtmlInput scrub = page.getHtmlElementById("scrub");
        scrub.setValue(Long.toString(millis));
        scrub.fireEvent("input");
    }

    DomElement one(String selector) {
        DomNode found = page.querySelector(selector, page);
        if (found == null) {
            throw new AssertionError("nothing on the page matches " + selector);
        }
        return (DomElement) found;
    }

    List<DomElement> all(String selector) {
        List<DomElement> out = new ArrayList<>();
        page.querySelectorAll(selector, page).forEach(n -> out.add((DomElement) n));
        return out;
    }

    /** The number an element shows, thousands separators and any words after it left out. */
    long number(String selector) {
        return number(one(selector));
    }

    static long number(DomElement e) {
        String text = e.getTextContent().trim();
        int end = 0;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == ',')) {
            end++;
        }
        return Long.parseLong(text.substring(0, end).replace(",", ""));
    }

    /** Every element below the body, the data block included. */
    int elementCount() {
        return page.querySelectorAll("*", page).size();
    }

    static Scenario parse(String yaml) {
        ParseOutcome outcome = new ScenarioParser().parse("report.yaml", yaml);
        assertEquals(List.of(), outcome.problems(), "the test's scenario must be valid");
        return outcome.scenario().orElseThrow();
    }

    static Scenario example(String name) {
        ParseOutcome outcome = new ScenarioParser().parse(Path.of("examples", name + ".yaml"));
        assertEquals(List.of(), outcome.problems());
        return outcome.scenario().orElseThrow();
    }

    static RunResult run(Scenario scenario) {
        return ScenarioRunner.run(scenario, RunOptions.DEFAULT);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        browser.close();
    }
}
