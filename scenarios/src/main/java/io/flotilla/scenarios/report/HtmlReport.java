package io.flotilla.scenarios.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a report as one self-contained HTML page: the template {@code report.html} (its CSS and
 * script inline, nothing loaded from anywhere) with the {@link ReportData} document embedded in a
 * {@code <script type="application/json">} block, which the page's script reads and draws.
 *
 * <p>Every name in the document comes from a scenario file, so nothing of it may end that block or
 * be read as markup: inside it each {@code <}, {@code >} and {@code &} is written as a JSON
 * {@code \}{@code u} escape (so {@code </script>} in a name stays inside the string), and so are
 * U+2028 and U+2029; the page then only ever puts names into the document as text. The title, the
 * one name written as HTML, is escaped as HTML.
 */
public final class HtmlReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final String TITLE = "{{TITLE}}";
    private static final String DATA = "{{DATA}}";
    private static final String TEMPLATE = template();

    private HtmlReport() {}

    /** Writes the page for {@code data} to {@code file}, replacing it. */
    public static void write(Path file, ObjectNode data) throws IOException {
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            write(out, data);
        }
    }

    /** The page for {@code data} as one string; for tests and small runs. */
    public static String render(ObjectNode data) {
        StringWriter out = new StringWriter();
        try {
            write(out, data);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static void write(Writer out, ObjectNode data) throws IOException {
        int title = TEMPLATE.indexOf(TITLE);
        int body = TEMPLATE.indexOf(DATA);
        out.write(TEMPLATE, 0, title);
        out.write(html(data.path("scenario").asText("") + " - Flotilla report"));
        out.write(TEMPLATE, title + TITLE.length(), body - title - TITLE.length());
        MAPPER.writeValue(new ScriptSafe(out), data);
        out.write(TEMPLATE, body + DATA.length(), TEMPLATE.length() - body - DATA.length());
    }

    /** Text as HTML: the five characters that markup gives a meaning escaped. */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * JSON text made safe inside a script element. The characters escaped can only occur inside
     * JSON strings (none is JSON syntax), where the escape means the same character.
     */
    private static final class ScriptSafe extends FilterWriter {
        ScriptSafe(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            switch (c) {
                case '<' -> out.write("\\u003c");
                case '>' -> out.write("\\u003e");
                case '&' -> out.write("\\u0026");
                case '\u2028' -> out.write("\\u2028");
                case '\u2029' -> out.write("\\u2029");
                default -> out.write(c);
            }
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            int start = offset;
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                char c = buffer[i];
                if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                    out.write(buffer, start, i - start);
                    write(c);
                    start = i + 1;
                }
            }
            out.write(buffer, start, end - start);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            write(text.toCharArray(), offset, length);
        }

        @Override
        public void close() throws IOException {
            flush(); // the page goes on after the data: the file is closed by its owner
        }
    }

    private static String template() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.html")) {
            if (in == null) {
                throw new IllegalStateException("report.html is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
