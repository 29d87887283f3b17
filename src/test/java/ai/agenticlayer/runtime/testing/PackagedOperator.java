package ai.agenticlayer.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * The operator as users run it: the packaged jar (prod profile), or under {@code -Dnative} the native executable, in
 * its own process, pointed at an API server by a kubeconfig and configured by system properties. Its output goes to
 * target/packaged-operator-*.log (target/packaged-operator-native-*.log for the native executable).
 */
public final class PackagedOperator implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int httpPort;
    private final Path log;
    /** Set by -Doperator.memoryLimit (benchmarks): the operator runs under that limit, as in a pod. */
    private final Optional<MemoryCgroup> cgroup;

    private PackagedOperator(Process process, int httpPort, Path log, Optional<MemoryCgroup> cgroup) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
        this.cgroup = cgroup;
    }

    /** Starts the operator against the API server at {@code apiServerUrl}, with extra properties and environment. */
    public static PackagedOperator start(String name, String apiServerUrl, Map<String, String> properties, Map<String, String> env) {
        return start(name, apiServerUrl, null, properties, env);
    }

    /**
     * As {@link #start(String, String, Map, Map)}, authenticated with a bearer {@code token} (none when null). The
     * operator finds the API server as it does outside a cluster, through the kubeconfig that {@code KUBECONFIG} names:
     * {@code quarkus.kubernetes-client.*} is fixed when the native executable is built, so a {@code -D} would reach
     * the jar and not the executable.
     */
    public static PackagedOperator start(String name, String apiServerUrl, String token, Map<String, String> properties,
            Map<String, String> env) {
        return start(name, apiServerUrl, token, properties, env, JAR);
    }

    /** As {@link #start(String, String, String, Map, Map)}, running {@code jar} on the JVM (another release's, say). */
    public static PackagedOperator start(String name, String apiServerUrl, String token, Map<String, String> properties,
            Map<String, String> env, Path jar) {
        int port = properties.containsKey("quarkus.http.port") ? Integer.parseInt(properties.get("quarkus.http.port")) : freePort();
        String fileName = "packaged-operator-" + (isNative() ? "native-" : "") + name;
        Path kubeconfig = writeKubeconfig(Path.of("target", fileName + ".kubeconfig"), apiServerUrl, token);
        List<String> options = new ArrayList<>(List.of("-Dquarkus.http.port=" + port));
        if (!heapSizedFromLimit()) {
            options.add("-Xmx" + System.getProperty("operator.maxHeap", "256m"));
        }
        for (String option : System.getProperty(isNative() ? "operator.nativeOptions" : "operator.jvmOptions", "").split(" ")) {
            if (!option.isBlank()) {
                options.add(option);
            }
        }
        properties.forEach((key, value) -> {
            if (!key.equals("quarkus.http.port")) {
                options.add("-D" + key + "=" + value);
            }
        });
        Optional<MemoryCgroup> cgroup = Optional.ofNullable(System.getProperty("operator.memoryLimit"))
                .map(limit -> MemoryCgroup.create(fileName, limit));
        List<String> plain = jar.equals(JAR) ? command(options, List.of()) : jvmCommand(options, jar);
        List<String> command = cgroup.map(group -> group.wrap(plain)).orElse(plain);
        Path log = Path.of("target", fileName + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
        builder.environment().putAll(env);
        try {
            return new PackagedOperator(builder.start(), port, log, cgroup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET on the operator's HTTP port; status -1 when it does not answer. */
    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path)).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status(String path) {
        HttpResponse<String> response = get(path);
        return response == null ? -1 : response.statusCode();
    }

    /**
     * Waits until the operator reports ready. When it does not, its process is stopped before the failure is thrown:
     * the caller has no reference to close yet, and a process left running would keep its port for later tests.
     */
    public PackagedOperator awaitReady() {
        return awaitReady(Duration.ofSeconds(60));
    }

    /** As {@link #awaitReady()}, waiting at most {@code timeout}. */
    public PackagedOperator awaitReady(Duration timeout) {
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("operator exited" + limitNote() + "; see " + log + ":\n" + log());
                }
                return status("/q/health/ready") == 200;
            });
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        return this;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    public Path logFile() {
        return log;
    }

    /**
     * Heap in use (the operator's {@code jvm_memory_used_bytes} over its heap pools), and the resident set with the part
     * of it that is anonymous: the rest is the executable's and the libraries' pages, which the kernel can drop and read
     * again under memory pressure.
     */
    public record Memory(double heapMiB, double rssMiB, double rssAnonMiB) {
        @Override
        public String toString() {
            return String.format("heap %.0f MiB, RSS %.0f MiB (%.0f anonymous)", heapMiB, rssMiB, rssAnonMiB);
        }
    }

    /** The operator's memory now. */
    public Memory memory() {
        double heapBytes = metrics().lines()
                .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        return new Memory(heapBytes / (1024 * 1024), procStatus("VmRSS:") / 1024, procStatus("RssAnon:") / 1024);
    }

    /** The operator's /q/metrics; a scrape that times out (busy, or collecting garbage) is tried again. */
    public String metrics() {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> metrics = get("/q/metrics");
            if (metrics != null && metrics.statusCode() == 200) {
                return metrics.body();
            }
            if (attempt == 12 || !isAlive()) {
                throw new IllegalStateException("no metrics from the operator" + limitNote() + "; see " + log);
            }
            Awaitility.await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        }
    }

    /** A number from /proc/<pid>/status (VmRSS in KiB, Threads). */
    public double procStatus(String field) {
        return procStatus(pid(), field);
    }

    /** A number from /proc/<pid>/status of any process (VmRSS and RssAnon in KiB, Threads). */
    public static double procStatus(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", ""));
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The memory cgroup the operator runs in, under -Doperator.memoryLimit. */
    public Optional<MemoryCgroup> cgroup() {
        return cgroup;
    }

    /** Under a memory limit and no -Doperator.maxHeap, the operator sizes its heap from the limit, as in a pod. */
    public static boolean heapSizedFromLimit() {
        return System.getProperty("operator.maxHeap") == null && System.getProperty("operator.memoryLimit") != null;
    }

    /** What the memory cgroup saw, for a failure message: an OOM kill or thrashing explains a silent operator. */
    private String limitNote() {
        return cgroup.map(group -> " (" + group.describe() + ")").orElse("");
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as the kubelet stops a pod, without waiting. */
    public void signalTerminate() {
        process.destroy();
    }

    /** SIGKILL, as the kernel's OOM killer or a lost node ends a pod: no shutdown, no Lease released. Waits for the end. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cgroup.ifPresent(MemoryCgroup::remove);
    }

    /** Waits for the process to end; false when it still runs after the timeout. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit status, once the process has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /** SIGTERM, as Kubernetes stops a pod; waits for a graceful exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cgroup.ifPresent(MemoryCgroup::remove);
    }

    /**
     * {@code -Doperator.packaging=native}: set by the build under {@code -Dnative} (failsafe's system property), and by
     * the benchmark between the runs it compares; read at each start.
     */
    public static boolean isNative() {
        return System.getProperty("operator.packaging", "jar").equals("native");
    }

    /**
     * The command line that runs the packaged operator: {@code options} go to the JVM or the native executable
     * (both read {@code -D} and {@code -Xmx}), {@code arguments} to the application.
     */
    public static List<String> command(List<String> options, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (isNative()) {
            command.add(nativeRunner().toString());
            command.addAll(options);
        } else {
            command.addAll(jvmCommand(options, JAR));
        }
        command.addAll(arguments);
        return command;
    }

    private static List<String> jvmCommand(List<String> options, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /** A kubeconfig for the API server at {@code apiServerUrl}, as a bearer {@code token} (no user when null). */
    public static Path writeKubeconfig(Path file, String apiServerUrl, String token) {
        String user = token == null ? "{}" : "{token: " + token + "}";
        try {
            return Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: test, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
                    users: [{name: operator, user: %s}]
                    contexts: [{name: test, context: {cluster: test, user: operator, namespace: default}}]
                    current-context: test
                    """.formatted(apiServerUrl, user));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path nativeRunner() {
        String configured = System.getProperty("native.image.path");
        Path runner;
        if (configured != null) {
            runner = Path.of(configured);
        } else {
            try (var files = Files.list(Path.of("target"))) {
                runner = files.filter(file -> file.getFileName().toString().endsWith("-runner")).findFirst().orElse(Path.of("target", "*-runner"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Files.isExecutable(runner)) {
            throw new IllegalStateException("native packaging asked for, but there is no native executable at " + runner
                    + ": build it with ./mvnw package -Dnative (docs/native.md)");
        }
        return runner;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
