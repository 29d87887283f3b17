package ai.agenticlayer.runtime.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ai.agenticlayer.runtime.testing.RealApiServer;

/**
 * {@code -Dbenchmark.apiServerCpus=0}: kube-apiserver and etcd run on those CPUs alone, this driver and the operator on
 * the others, as in a cluster, where the operator's pod never shares the control plane's cores. Without it every
 * process shares every core, and the operator's own CPU is time the API server does not get.
 * <p>
 * A process takes its CPUs from the thread that starts it, and Go sizes its scheduler from them at start: this JVM
 * moves onto the API server's CPUs while kube-api-test starts etcd and kube-apiserver, then onto the others, where the
 * operator it starts later inherits them.
 */
final class ApiServerCpus {

    private static final String API_SERVER = System.getProperty("benchmark.apiServerCpus", "").trim();
    /** -Dbenchmark.auditLog=false: kube-apiserver without its audit log, to measure what the log costs the baselines. */
    static final boolean AUDIT_LOG = Boolean.parseBoolean(System.getProperty("benchmark.auditLog", "true"));
    /** Read before any pinning: the JVM answers for the CPUs its calling thread may use. */
    private static final int MACHINE_CPUS = Runtime.getRuntime().availableProcessors();

    private ApiServerCpus() {
    }

    static boolean pinned() {
        return !API_SERVER.isEmpty();
    }

    /** The CPUs of kube-apiserver and etcd, and those of the driver and operator (empty when not pinned). */
    static String describe() {
        return pinned() ? "kube-apiserver and etcd on CPU " + API_SERVER + ", the driver and the operator on CPU " + others() : "";
    }

    /** How many CPUs kube-apiserver and etcd are pinned to. */
    static int count() {
        return cpus(API_SERVER).size();
    }

    /** A real API server with our CRDs, on its CPUs when pinned. */
    static RealApiServer start(String name) throws IOException, InterruptedException {
        return start(name, true);
    }

    /** A real API server, with our CRDs or none, on its CPUs when pinned. */
    static RealApiServer start(String name, boolean withOurCrds) throws IOException, InterruptedException {
        if (!pinned()) {
            return launch(name, withOurCrds);
        }
        pinThisJvm(API_SERVER);
        try {
            RealApiServer apiServer = launch(name, withOurCrds);
            for (ProcessHandle process : controlPlane()) {
                printCpus(Path.of(process.info().command().orElseThrow()).getFileName().toString(), process.pid());
            }
            return apiServer;
        } finally {
            pinThisJvm(others());
        }
    }

    private static RealApiServer launch(String name, boolean withOurCrds) {
        // an empty path, the last one given, turns the log off
        Map<String, String> flags = AUDIT_LOG ? Map.of() : Map.of("--audit-log-path", "");
        return withOurCrds ? RealApiServer.withCrds(name, flags) : RealApiServer.start(name, flags);
    }

    /** kube-apiserver and etcd: the children of this JVM that kube-api-test started. */
    static List<ProcessHandle> controlPlane() {
        return ProcessHandle.current().descendants().filter(process -> {
            String command = process.info().command().orElse("");
            return command.endsWith("kube-apiserver") || command.endsWith("etcd");
        }).toList();
    }

    private static String others() {
        List<Integer> apiServer = cpus(API_SERVER);
        String rest = IntStream.range(0, MACHINE_CPUS).filter(cpu -> !apiServer.contains(cpu))
                .mapToObj(String::valueOf).collect(Collectors.joining(","));
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("-Dbenchmark.apiServerCpus=" + API_SERVER + " leaves no CPU for the driver and the operator");
        }
        return rest;
    }

    /** "0", "0,1" or "0-2" to the CPU numbers. */
    private static List<Integer> cpus(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).flatMap(range -> {
            String[] ends = range.split("-");
            int from = Integer.parseInt(ends[0]);
            return IntStream.rangeClosed(from, Integer.parseInt(ends[ends.length - 1])).boxed();
        }).toList();
    }

    /** Every thread of this JVM: the threads it starts, and the processes they start, inherit the CPUs. */
    private static void pinThisJvm(String cpus) throws IOException, InterruptedException {
        Process taskset = new ProcessBuilder("taskset", "--all-tasks", "--cpu-list", "--pid", cpus,
                String.valueOf(ProcessHandle.current().pid())).redirectErrorStream(true).start();
        String output = new String(taskset.getInputStream().readAllBytes());
        if (taskset.waitFor() != 0) {
            throw new IllegalStateException("taskset failed: " + output);
        }
    }

    /** When pinned, the CPUs the kernel lets a process run on ({@code Cpus_allowed_list}), printed as proof. */
    static void printCpus(String what, long pid) throws IOException {
        if (pinned()) {
            String cpus = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("Cpus_allowed_list:")).map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("?");
            System.out.printf("%s runs on CPU %s%n", what, cpus);
        }
    }
}
