package io.flotilla.scenarios.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The repository's paths, and docs/scenario.schema.json applied to a YAML file. The YAML becomes
 * a Jackson tree through SnakeYAML's composed nodes rather than Jackson's own YAML reader, which
 * does not follow aliases of mappings ({@code resources: *small}); scalars are typed as the parser
 * reads them: only digits are integers, only true and false are booleans, the rest is text.
 */
final class SchemaFixture {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static JsonSchema schema;

    private SchemaFixture() {}

    /** The repository root, found from the module directory the tests run in. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/scenario.schema.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/scenario.schema.json not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static List<Path> examples() {
        try (Stream<Path> files = Files.list(root().resolve("scenarios/examples"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized JsonSchema schema() throws IOException {
        if (schema == null) {
            try (InputStream in = Files.newInputStream(root().resolve("docs/scenario.schema.json"))) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            }
        }
        return schema;
    }

    /** The schema's complaints about a YAML file, converted to JSON as Jackson reads it. */
    static Set<ValidationMessage> validate(Path yaml) throws IOException {
        Node root = new org.yaml.snakeyaml.Yaml(new LoaderOptions()).compose(Files.newBufferedReader(yaml));
        return schema().validate(toJson(root));
    }

    static JsonNode toJson(Node node) {
        if (node instanceof MappingNode m) {
            ObjectNode out = JSON.objectNode();
            for (NodeTuple t : Fields.flatten(m)) {
                out.set(((ScalarNode) t.getKeyNode()).getValue(), toJson(t.getValueNode()));
            }
            return out;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode out = JSON.arrayNode();
            s.getValue().forEach(item -> out.add(toJson(item)));
            return out;
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return JSON.nullNode();
        }
        if (tag.equals(Tag.INT) && text.matches("[-+]?[0-9]+")) {
            return JSON.numberNode(new java.math.BigInteger(text));
        }
        if (tag.equals(Tag.FLOAT) && text.matches("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            return JSON.numberNode(new java.math.BigDecimal(text));
        }
        if (tag.equals(Tag.BOOL) && (text.equals("true") || text.equals("false"))) {
            return JSON.booleanNode(Boolean.parseBoolean(text));
        }
        return JSON.textNode(text);
    }
}
