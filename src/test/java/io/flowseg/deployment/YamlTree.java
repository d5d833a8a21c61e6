package io.flowseg.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A YAML file as the tools that read it see it: anchors, aliases and merge keys ({@code <<: *flowseg})
 * resolved, which Jackson's YAML parser leaves as the anchor's name. SnakeYAML reads, Jackson navigates.
 */
final class YamlTree {
    private static final ObjectMapper JSON = new ObjectMapper();

    private YamlTree() {
    }

    static JsonNode read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        }
    }
}
