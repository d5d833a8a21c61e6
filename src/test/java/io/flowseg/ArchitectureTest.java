package io.flowseg;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package structure, read from the compiled main classes: what the README's Layout section promises. */
class ArchitectureTest {
    private static final String ROOT = "io.flowseg.";
    /** The numerical core: testable and benchmarkable without Kafka, Quarkus or the service around it. */
    private static final List<String> CORE = List.of("imaging", "sampling", "uncertainty", "model", "engine");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z]+)` \\|[^|]*\\| ([^|]*) \\|$");
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.flowseg");
    }

    @Test
    void packagesFormNoCycles() {
        slices().matching("io.flowseg.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void numericalCoreKnowsNothingOfTheServiceAroundIt() {
        Set<String> outside = new TreeSet<>(packageDependencies().keySet());
        outside.removeAll(CORE);
        Stream<String> forbidden = Stream.concat(outside.stream().map(p -> ROOT + p + ".."),
                Stream.of("org.apache.kafka..", "org.apache.avro..", "io.quarkus..", "jakarta..", "io.smallrye.."));
        noClasses().that().resideInAnyPackage(CORE.stream().map(p -> ROOT + p + "..").toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .check(classes);
    }

    @Test
    void readmeLayoutTableNamesEveryPackageWithWhatItDependsOn() throws IOException {
        Map<String, Set<String>> actual = packageDependencies();
        Map<String, Set<String>> documented = layoutTable(actual.keySet());
        assertFalse(documented.isEmpty(), "README.md has no Layout table");
        assertEquals(actual, documented, "README.md's Layout table (package -> flowseg packages it depends on)"
                + " against the compiled classes");
    }

    /** Each top-level package under io.flowseg and the other top-level packages its classes use. */
    private static Map<String, Set<String>> packageDependencies() {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        for (JavaClass type : classes) {
            topLevel(type).ifPresent(from -> {
                Set<String> targets = dependencies.computeIfAbsent(from, p -> new TreeSet<>());
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    topLevel(dependency.getTargetClass()).filter(to -> !to.equals(from)).ifPresent(targets::add);
                }
            });
        }
        return dependencies;
    }

    private static Optional<String> topLevel(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT)) {
            return Optional.empty();
        }
        return Optional.of(name.substring(ROOT.length()).split("\\.")[0]);
    }

    /** The table's rows: a package in backticks, its job, and a "depends on" cell whose flowseg package names count. */
    private static Map<String, Set<String>> layoutTable(Set<String> packages) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf("## Layout");
        Map<String, Set<String>> table = new TreeMap<>();
        for (int i = start + 1; start >= 0 && i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            Matcher row = TABLE_ROW.matcher(lines.get(i));
            if (row.matches()) {
                Set<String> named = new TreeSet<>();
                Matcher word = WORD.matcher(row.group(2).replaceAll("\\([^)]*\\)", ""));
                while (word.find()) {
                    if (packages.contains(word.group())) {
                        named.add(word.group());
                    }
                }
                table.put(row.group(1), named);
            }
        }
        return table;
    }
}
