package io.flowseg.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The compose stack's create-topics.sh: the topics its {@code create} lines ask kafka-topics.sh for. */
final class TopicScript {
    private static final String CREATE = "create ";

    /** One {@code create --topic NAME --partitions N --config key=value ...} line. */
    record Topic(String name, int partitions, Map<String, String> configs) {
    }

    private TopicScript() {
    }

    static Map<String, Topic> read(Path script) throws IOException {
        Map<String, Topic> topics = new LinkedHashMap<>();
        for (String line : Files.readAllLines(script)) {
            if (line.startsWith(CREATE)) {
                Topic topic = parse(line.substring(CREATE.length()));
                topics.put(topic.name(), topic);
            }
        }
        return topics;
    }

    private static Topic parse(String arguments) {
        String withoutComment = arguments.replaceFirst("\\s#.*$", "");
        List<String> words = Arrays.asList(withoutComment.trim().split("\\s+"));
        String name = null;
        int partitions = 0;
        Map<String, String> configs = new LinkedHashMap<>();
        for (int i = 0; i + 1 < words.size(); i += 2) {
            String value = words.get(i + 1);
            switch (words.get(i)) {
                case "--topic" -> name = value;
                case "--partitions" -> partitions = Integer.parseInt(value);
                case "--config" -> configs.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                default -> throw new IllegalArgumentException("unexpected option " + words.get(i) + " in: " + arguments);
            }
        }
        if (name == null) {
            throw new IllegalArgumentException("a create line without --topic: " + arguments);
        }
        return new Topic(name, partitions, configs);
    }
}
