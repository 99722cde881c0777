package org.modesweep.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.modesweep.core.sweep.SpecKeys;
import org.yaml.snakeyaml.Yaml;

/**
 * The printed JSON Schema against an independent validator (networknt, draft 2020-12): every conf/ spec passes, a
 * misspelt key anywhere fails; and docs/spec.md carries the key tables the declarations give.
 */
class SpecSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("..");

    private static Schema schema() throws Exception {
        String text = JSON.writeValueAsString(SpecKeys.jsonSchema());
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
    }

    private static JsonNode yaml(String text) {
        return JSON.valueToTree(new Yaml().load(text));
    }

    @Test
    void everyConfSpecValidates() throws Exception {
        Schema schema = schema();
        List<Path> specs;
        try (Stream<Path> files = Files.walk(ROOT.resolve("conf"))) {
            specs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(specs.size() >= 10, "conf/ specs found: " + specs);
        for (Path p : specs) {
            assertEquals(List.of(), schema.validate(yaml(Files.readString(p))), p.toString());
        }
    }

    @Test
    void aMisspeltKeyFailsWhereverItIs() throws Exception {
        Schema schema = schema();
        String spec = Files.readString(ROOT.resolve("conf/default.yaml"));
        Map<String, String> typos = Map.of("seed:", "sede:", "tMax:", "tmax:", "seeds:", "seed_count:");
        for (Map.Entry<String, String> t : typos.entrySet()) {
            assertTrue(spec.contains(t.getKey()));
            assertFalse(schema.validate(yaml(spec.replaceFirst(t.getKey(), t.getValue()))).isEmpty(), t.getValue());
        }
        assertFalse(schema.validate(yaml("grid: {R: 2, d: 10, wStar: 0.5, seeds: 1}\nsetups:\n"
            + "  - {name: x, weights: fixed, dynamics: {type: gd, eta: -1, tMax: 10}}\n")).isEmpty(), "eta > 0");
    }

    @Test
    void docsCarryTheDeclaredKeyTables() throws Exception {
        String docs = Files.readString(ROOT.resolve("docs/spec.md"));
        assertTrue(docs.contains(SpecKeys.markdown()), "docs/spec.md: paste `jobs/bin/sweep schema --markdown`");
    }
}
