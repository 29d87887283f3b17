package ai.agenticlayer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The shape of the code, read from its sources: the shared packages depend on each other one way only and on no
 * feature package, so that a reader (and a reconciler) can tell from a package's name what it may use. A name of
 * another package anywhere in a source file, an import or a fully qualified name, counts as a dependency.
 */
class PackageDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/ai/agenticlayer/runtime");
    private static final Pattern REFERENCE = Pattern.compile("ai\\.agenticlayer\\.runtime\\.([a-z0-9]+)");

    /** What each shared package may use besides itself and the API model; every other package is off limits. */
    private static final Map<String, Set<String>> SHARED = Map.of(
            "client", Set.of(),
            "cache", Set.of(),
            "digest", Set.of(),
            "status", Set.of("digest"),
            "configsource", Set.of("digest", "cache"),
            "children", Set.of("digest", "cache", "status", "configsource"),
            "metrics", Set.of("cache", "status"));

    @Test
    void sharedPackagesDependOnEachOtherOneWayAndOnNoFeature() {
        Map<String, Set<String>> used = dependencies();
        SHARED.forEach((pkg, allowed) -> assertThat(used.getOrDefault(pkg, Set.of()))
                .as("packages that %s uses (allowed: %s and api)", pkg, allowed)
                .isSubsetOf(union(allowed, "api")));
    }

    @Test
    void everySharedPackageExistsAndHasAPackageInfo() {
        Set<String> packages = dependencies().keySet();
        assertThat(packages).containsAll(SHARED.keySet());
        for (String pkg : SHARED.keySet()) {
            assertThat(SOURCES.resolve(pkg).resolve("package-info.java")).as(pkg).isRegularFile();
        }
    }

    @Test
    void theScanSeesADependency() {
        // the scan itself: agent uses children, which the rules above would forbid to a shared package
        assertThat(dependencies().get("agent")).contains("children", "status", "metrics");
    }

    private static Set<String> union(Set<String> allowed, String more) {
        Set<String> all = new TreeSet<>(allowed);
        all.add(more);
        return all;
    }

    /** Package name -> the other top-level packages under {@code ai.agenticlayer.runtime} its sources name. */
    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> used = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    return; // OperatorMain, the entry point, may use anything
                }
                String pkg = relative.getName(0).toString();
                Set<String> names = used.computeIfAbsent(pkg, key -> new TreeSet<>());
                Matcher matcher = REFERENCE.matcher(read(file));
                while (matcher.find()) {
                    if (!matcher.group(1).equals(pkg)) {
                        names.add(matcher.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return used;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
