package ai.agenticlayer.runtime.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.agenticlayer.runtime.differential.Original;
import ai.agenticlayer.runtime.testing.InstalledOperator;
import ai.agenticlayer.runtime.testing.MemoryCgroup;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer;

/**
 * An operator the benchmark measures: the original Go operator from ../shared/original (its CRDs, RBAC, webhooks and
 * leader election, as deployed), or ours as the jar or the native executable (install.yaml's RBAC, leader election
 * on). {@code -Dbenchmark.operators=original,jvm,native} runs them one after the other, each on a fresh API server of
 * the same kind, between the same baselines.
 * <p>
 * Each takes its own options, {@code -Dbenchmark.original.memoryLimit}, {@code -Dbenchmark.native.memoryLimit},
 * {@code .maxHeap} and {@code .options} of {@code jvm} and {@code native} (ours fall back to {@code -Doperator.memoryLimit}, {@code -Doperator.maxHeap} and {@code -Doperator.jvmOptions} or
 * {@code -Doperator.nativeOptions}); the JVM gets the JVM image's options unless told otherwise.
 */
enum Contender {
    ORIGINAL("original (Go)"), JVM("ours, JVM"), NATIVE("ours, native");

    /** What src/main/docker/Dockerfile.jvm and its run-java.sh give the JVM, for a 256 MiB heap. */
    static final String JVM_IMAGE_OPTIONS = "-Xms64m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 "
            + "-XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m -Xss256k "
            + "-Dsun.reflect.inflationThreshold=2147483647";
    /** The -Doperator.* options the run was started with, before a contender sets its own. */
    private static final Map<String, String> GIVEN = given();
    /** glibc keeps one malloc arena per core and thread burst; two is what JVM container images usually set. */
    private static final Map<String, String> OUR_ENV = Map.of("MALLOC_ARENA_MAX", System.getProperty("operator.mallocArenaMax", "2"));

    private final String label;

    Contender(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** -Dbenchmark.operators, or by default ours packaged as -Doperator.packaging says (the jar unless native). */
    static List<Contender> fromProperties() {
        String operators = System.getProperty("benchmark.operators", PackagedOperator.isNative() ? "native" : "jvm");
        if (operators.equals("none")) {
            return List.of(); // the baselines only
        }
        return Arrays.stream(operators.split(",")).map(String::trim).map(name -> valueOf(name.toUpperCase())).toList();
    }

    boolean isOriginal() {
        return this == ORIGINAL;
    }

    /** How this contender runs, for the table's heading. */
    String describe() {
        return switch (this) {
            case ORIGINAL -> label + ": ../shared/original/run, as its ServiceAccount, webhooks and leader election on"
                    + memoryLimit().map(limit -> ", in a memory limit of " + limit).orElse("");
            case JVM, NATIVE -> {
                String heap = memoryLimit().isPresent() && maxHeap().isEmpty()
                        ? "the heap sized from the memory limit " + memoryLimit().get()
                        : "-Xmx" + maxHeap().orElse("256m") + memoryLimit().map(limit -> ", in a memory limit of " + limit).orElse("");
                yield label + ": " + heap + " " + options();
            }
        };
    }

    /** A fresh API server for this contender: the original's CRDs for the original, ours for ours. */
    RealApiServer apiServer(String name) throws IOException, InterruptedException {
        RealApiServer apiServer = ApiServerCpus.start(name, !isOriginal());
        if (isOriginal()) {
            Original.install(apiServer);
        }
        return apiServer;
    }

    /** Installs this contender on {@code apiServer} (its RBAC), ready to start processes. */
    Installation install(RealApiServer apiServer) throws IOException {
        if (isOriginal()) {
            Optional<String> limit = memoryLimit();
            return new Installation(Original.USER, name -> {
                Original original = Original.start(apiServer, name, Map.of("LEADER_ELECT", "true"),
                        limit.map(l -> MemoryCgroup.create("original-" + name, l)));
                return new OperatorProcess.OfOriginal(original);
            });
        }
        InstalledOperator installed = InstalledOperator.install(apiServer, Files.readString(Path.of("kubernetes", "install.yaml")));
        return new Installation(installed.user(), name -> {
            configureOurs();
            return new OperatorProcess.Ours(installed.start(name, Map.of(), OUR_ENV).awaitReady());
        });
    }

    /** A contender installed on an API server: the user the audit log knows it by, and how to start a process of it. */
    record Installation(String user, Starter starter) {
        OperatorProcess start(String name) {
            return starter.start(name);
        }
    }

    interface Starter {
        OperatorProcess start(String name);
    }

    /** The -Doperator.* properties PackagedOperator reads, set for this contender. */
    private void configureOurs() {
        System.setProperty("operator.packaging", this == NATIVE ? "native" : "jar");
        set("operator.memoryLimit", memoryLimit());
        set("operator.maxHeap", maxHeap());
        System.setProperty(this == NATIVE ? "operator.nativeOptions" : "operator.jvmOptions", options());
    }

    private Optional<String> memoryLimit() {
        return switch (this) {
            case ORIGINAL -> property("benchmark.original.memoryLimit");
            case JVM -> property("benchmark.jvm.memoryLimit").or(() -> given("operator.memoryLimit"));
            case NATIVE -> property("benchmark.native.memoryLimit").or(() -> given("operator.memoryLimit"));
        };
    }

    private Optional<String> maxHeap() {
        return switch (this) {
            case ORIGINAL -> Optional.empty();
            case JVM -> property("benchmark.jvm.maxHeap").or(() -> given("operator.maxHeap"));
            case NATIVE -> property("benchmark.native.maxHeap").or(() -> given("operator.maxHeap"));
        };
    }

    private String options() {
        return switch (this) {
            case ORIGINAL -> "";
            case JVM -> property("benchmark.jvm.options").or(() -> given("operator.jvmOptions")).orElse(JVM_IMAGE_OPTIONS);
            case NATIVE -> property("benchmark.native.options").or(() -> given("operator.nativeOptions")).orElse("");
        };
    }

    private static Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name));
    }

    private static Optional<String> given(String property) {
        return Optional.ofNullable(GIVEN.get(property));
    }

    private static void set(String property, Optional<String> value) {
        value.ifPresentOrElse(v -> System.setProperty(property, v), () -> System.clearProperty(property));
    }

    private static Map<String, String> given() {
        Map<String, String> given = new HashMap<>();
        for (String property : List.of("operator.memoryLimit", "operator.maxHeap", "operator.jvmOptions", "operator.nativeOptions")) {
            String value = System.getProperty(property);
            if (value != null) {
                given.put(property, value);
            }
        }
        return given;
    }
}
