package org.hpcstatus.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages of src/main/java depend on each other without a cycle: the web-facing features point at the domain,
 * never back. Read from the sources (imports and fully qualified names), so it needs no extra tool. And none grows
 * past what one can see whole: a package that does, is split by what its parts do.
 */
class PackageGraphTests {

    private static final Path SOURCES = Path.of("src/main/java/org/hpcstatus");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.hpcstatus\\.([a-z]+)\\.");

    @Test
    void packageImportGraphHasNoCycle() {
        Map<String, Set<String>> graph = graph();
        assertTrue(graph.size() > 5, "expected the service's packages under " + SOURCES.toAbsolutePath());
        List<String> cycle = findCycle(graph);
        assertEquals(List.of(), cycle, "package cycle; the graph is " + graph);
    }

    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Set<String>> withCycle = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of());
        assertEquals(List.of("a", "b", "c", "a"), findCycle(new TreeMap<>(withCycle)));
    }

    /** Lines of Java, comments included, a package may hold; about a screenful of class names. */
    private static final int MAX_PACKAGE_LINES = 1_150;

    @Test
    void noPackageGrowsPastAScreenfulOfNames() {
        Map<String, Long> lines = linesByPackage();
        assertTrue(lines.getOrDefault("snapshot", 0L) > 100, "expected line counts of the packages, got " + lines);
        Map<String, Long> tooBig = new TreeMap<>(lines);
        tooBig.values().removeIf(count -> count <= MAX_PACKAGE_LINES);
        assertEquals(Map.of(), tooBig, "packages over " + MAX_PACKAGE_LINES + " lines: split them by what they do");
    }

    @Test
    void theContractDependsOnNothingOfOurs() {
        assertEquals(Set.of(), graph().get("contract"));
    }

    /**
     * The collector runs on HPC login nodes from its own jar, which holds its classes, Jackson and SnakeYAML only:
     * a reference to anything of the service's, or to Quarkus, Jakarta or Hibernate, would fail there.
     */
    @Test
    void theCollectorUsesNothingButTheJdkJacksonAndSnakeYaml() throws IOException {
        Pattern allowed = Pattern.compile("(static )?(java\\.|javax\\.net\\.|com\\.fasterxml\\.jackson\\.|org\\.yaml\\.snakeyaml\\."
                + "|org\\.hpcstatus\\.collector\\.).*");
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("collector"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import ") && !allowed.matcher(line.substring(7)).matches()) {
                        offending.add(SOURCES.relativize(file) + ": " + line);
                    }
                }
            }
        }
        assertTrue(graph().containsKey("collector"), "expected the collector's sources");
        assertEquals(Set.of(), graph().get("collector"));
        assertEquals(List.of(), offending);
    }

    /** Package name to the packages its sources refer to. */
    static Map<String, Set<String>> graph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = SOURCES.relativize(file).getName(0).toString();
                Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher matcher = REFERENCE.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(from)) {
                        to.add(matcher.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** Java package (below org.hpcstatus, "collector.slurm") to the lines of its sources. */
    static Map<String, Long> linesByPackage() {
        Map<String, Long> lines = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() > 1) {
                    try (Stream<String> fileLines = Files.lines(file)) {
                        lines.merge(relative.getParent().toString().replace('/', '.'), fileLines.count(), Long::sum);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    /** The first cycle found, as a path that ends where it starts, or an empty list. */
    static List<String> findCycle(Map<String, Set<String>> graph) {
        Set<String> done = new TreeSet<>();
        for (String start : graph.keySet()) {
            List<String> cycle = visit(start, graph, new ArrayList<>(), done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        return List.of();
    }

    private static List<String> visit(String node, Map<String, Set<String>> graph, List<String> path, Set<String> done) {
        int seen = path.indexOf(node);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(node);
            return cycle;
        }
        if (done.contains(node)) {
            return List.of();
        }
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            List<String> cycle = visit(next, graph, path, done);
            if (!cycle.isEmpty()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.add(node);
        return List.of();
    }
}
