package io.flowseg.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After `package`, what `docker build -f src/main/docker/Dockerfile.* .` needs from the build context: every
 * source its COPY instructions name exists, and .dockerignore sends it to the builder.
 */
class DockerBuildContextIT {

    @ParameterizedTest
    @ValueSource(strings = {"src/main/docker/Dockerfile.jvm", "src/main/docker/Dockerfile.cuda"})
    void everyCopiedSourceExistsAndReachesTheBuilder(String dockerfile) throws IOException {
        List<String> kept = keptByDockerignore();
        List<String> sources = copySources(Path.of(dockerfile));
        assertFalse(sources.isEmpty(), dockerfile + " copies nothing from the context");
        for (String source : sources) {
            assertTrue(matches(source) > 0, dockerfile + " copies " + source + ", which does not exist");
            assertTrue(kept.stream().anyMatch(k -> Path.of(source).startsWith(k)),
                    dockerfile + " copies " + source + ", which .dockerignore keeps from the builder (kept: " + kept + ")");
        }
    }

    /** .dockerignore as written here: everything ignored ("*"), then the paths kept ("!path"). */
    private static List<String> keptByDockerignore() throws IOException {
        List<String> rules = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals("*", rules.get(0), ".dockerignore must start by ignoring everything");
        List<String> kept = new ArrayList<>();
        for (String rule : rules.subList(1, rules.size())) {
            assertTrue(rule.startsWith("!") && !rule.contains("*"), "a rule this test cannot read: " + rule);
            kept.add(rule.substring(1));
        }
        return kept;
    }

    /** The context sources of the Dockerfile's COPY instructions (those without --from, which copy from a stage). */
    private static List<String> copySources(Path dockerfile) throws IOException {
        String joined = Files.readString(dockerfile).replace("\\\n", " ");
        List<String> sources = new ArrayList<>();
        for (String line : joined.lines().map(String::trim).toList()) {
            List<String> words = Arrays.asList(line.split("\\s+"));
            if (!words.get(0).equalsIgnoreCase("COPY") || words.stream().anyMatch(w -> w.startsWith("--from="))) {
                continue;
            }
            List<String> arguments = words.subList(1, words.size()).stream().filter(w -> !w.startsWith("--")).toList();
            sources.addAll(arguments.subList(0, arguments.size() - 1));
        }
        return sources;
    }

    private static long matches(String source) throws IOException {
        Path path = Path.of(source);
        if (!source.contains("*")) {
            return Files.exists(path) ? 1 : 0;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + source);
        try (Stream<Path> candidates = Files.list(path.getParent())) {
            return candidates.filter(matcher::matches).count();
        }
    }
}
