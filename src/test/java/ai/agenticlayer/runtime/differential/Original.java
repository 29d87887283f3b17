package ai.agenticlayer.runtime.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import ai.agenticlayer.runtime.testing.MemoryCgroup;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The original Go operator, as ../shared/original provides it (its README says how to run it), installed and run the
 * way it is deployed: its CRDs, its rendered RBAC, its ServiceAccount's token, its admission webhooks. Its webhook
 * port (9443) is fixed, so one runs at a time on this machine.
 */
public final class Original implements AutoCloseable {

    public static final Path HOME = Path.of("..", "shared", "original").toAbsolutePath().normalize();
    public static final Path CRDS = HOME.resolve("crds");
    public static final String NAMESPACE = "agent-runtime-operator-system";
    public static final String SERVICE_ACCOUNT = "agent-runtime-operator-controller-manager";
    /** The user the API server knows it by (its audit log). */
    public static final String USER = "system:serviceaccount:" + NAMESPACE + ":" + SERVICE_ACCOUNT;
    /** Its webhook configurations: they fail closed, so they go before another operator serves these kinds. */
    public static final List<String> WEBHOOKS = List.of("agent-runtime-operator-mutating-webhook-configuration",
            "agent-runtime-operator-validating-webhook-configuration");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int probePort;
    private final Optional<MemoryCgroup> cgroup;

    private Original(Process process, Path log, int probePort, Optional<MemoryCgroup> cgroup) {
        this.process = process;
        this.log = log;
        this.probePort = probePort;
        this.cgroup = cgroup;
    }

    /** Applies the original's CRDs and RBAC as cluster admin, and waits until its CRDs are established. */
    public static void install(RealApiServer apiServer) {
        try (KubernetesClient client = apiServer.adminClient()) {
            for (Path file : yamlFiles(CRDS)) {
                for (HasMetadata object : client.load(Files.newInputStream(file)).items()) {
                    client.resource(object).forceConflicts().serverSideApply();
                }
            }
            for (CustomResourceDefinition crd : client.apiextensions().v1().customResourceDefinitions().list().getItems()) {
                client.resource(crd).waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions().stream()
                        .anyMatch(cond -> cond.getType().equals("Established") && cond.getStatus().equals("True")),
                        30, TimeUnit.SECONDS);
            }
            client.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                    .withName(NAMESPACE).endMetadata().build()).serverSideApply();
            for (HasMetadata object : client.load(Files.newInputStream(HOME.resolve("rbac/rendered-rbac.yaml"))).items()) {
                client.resource(object).forceConflicts().serverSideApply();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it as its ServiceAccount, with its webhooks registered, and waits until it is ready. */
    public static Original start(RealApiServer apiServer, String name) {
        return start(apiServer, name, Map.of(), Optional.empty());
    }

    /**
     * As {@link #start(RealApiServer, String)}, with more environment for its {@code run} script ({@code LEADER_ELECT},
     * ...) and inside a memory cgroup, as a pod's limit runs it.
     */
    public static Original start(RealApiServer apiServer, String name, Map<String, String> env, Optional<MemoryCgroup> cgroup) {
        int probePort = PackagedOperator.freePort();
        Path kubeconfig = PackagedOperator.writeKubeconfig(Path.of("target", "original-" + name + ".kubeconfig"),
                apiServer.url(), apiServer.serviceAccountToken(NAMESPACE, SERVICE_ACCOUNT));
        Path log = Path.of("target", "original-" + name + ".log");
        List<String> command = List.of(HOME.resolve("run").toString(), apiServer.kubeconfig().toString(),
                kubeconfig.toAbsolutePath().toString());
        // the script execs the manager binary (same pid): its pages are the ones to charge to the group
        ProcessBuilder builder = new ProcessBuilder(cgroup.map(group -> group.wrap(command, List.of(manager()))).orElse(command))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PROBE_ADDR", "127.0.0.1:" + probePort);
        builder.environment().put("METRICS_ADDR", "0");
        builder.environment().put("KUBECTL", apiServer.kubectlBinary().toString());
        builder.environment().putAll(env);
        try {
            Original original = new Original(builder.start(), log, probePort, cgroup);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!original.process.isAlive()) {
                    throw new IllegalStateException("the original operator exited; see " + log + ":\n" + original.log());
                }
                return original.ready();
            });
            return original;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops it as Kubernetes stops a pod (SIGTERM), and removes its webhook configurations. */
    public void stop(RealApiServer apiServer) {
        close();
        try (KubernetesClient client = apiServer.adminClient()) {
            client.admissionRegistration().v1().mutatingWebhookConfigurations().withName(WEBHOOKS.get(0)).delete();
            client.admissionRegistration().v1().validatingWebhookConfigurations().withName(WEBHOOKS.get(1)).delete();
        }
    }

    /** The manager's pid: its {@code run} script execs it. */
    public long pid() {
        return process.pid();
    }

    public Optional<MemoryCgroup> cgroup() {
        return cgroup;
    }

    /** The manager binary, unpacked by the original's {@code install} (which prints its path). */
    private static Path manager() {
        try {
            Process install = new ProcessBuilder(HOME.resolve("install").toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String path = new String(install.getInputStream().readAllBytes()).trim();
            if (install.waitFor() != 0) {
                throw new IllegalStateException("../shared/original/install failed");
            }
            return Path.of(path.lines().reduce((first, last) -> last).orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probePort + "/readyz"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cgroup.ifPresent(MemoryCgroup::remove);
    }

    private static List<Path> yamlFiles(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
