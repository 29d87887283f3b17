package ai.agenticlayer.runtime.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.agenticlayer.runtime.api.Manifests;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * A real Kubernetes control plane on loopback: etcd and kube-apiserver started by {@code io.fabric8:kube-api-test},
 * with an audit log of every request (who sent it, verb, object, response code), and kube-controller-manager beside
 * them on request (garbage collection, Deployment status, admission-policy type checking).
 * <p>
 * The binaries come from {@code $KUBE_API_TEST_DIR} (default {@code ~/.kubeapitest}), laid out by
 * {@code ../shared/k8s/install}; when none are there, kube-api-test downloads the official ones, which needs internet.
 * Where neither works the test fails and says how to provide them: this tier is never skipped.
 */
public final class RealApiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITE_VERBS = Set.of("create", "update", "patch", "delete", "deletecollection");
    private static final String AUDIT_POLICY = """
            apiVersion: audit.k8s.io/v1
            kind: Policy
            omitStages: [RequestReceived]
            rules:
              - level: Metadata
            """;

    private final KubeAPIServer server;
    private final Path workDir;
    private final Path auditLog;
    private final Path kubeconfig;
    private volatile String url;
    private Process controllerManager;

    private RealApiServer(KubeAPIServer server, Path workDir, Path auditLog) {
        this.server = server;
        this.workDir = workDir;
        this.auditLog = auditLog;
        this.kubeconfig = workDir.resolve("kubeconfig");
        write(kubeconfig, server.getKubeConfigYaml());
        this.url = Config.fromKubeconfig(server.getKubeConfigYaml()).getMasterUrl().replaceAll("/$", "");
    }

    /** etcd + kube-apiserver, with the audit log on. */
    public static RealApiServer start(String name) {
        return start(name, Map.of());
    }

    /** As {@link #start(String)}, with more kube-apiserver flags: name ({@code --watch-cache}, say) to value. */
    public static RealApiServer start(String name, Map<String, String> apiServerFlags) {
        Path workDir = Path.of("target", "real-api-server", name).toAbsolutePath();
        deleteRecursively(workDir);
        write(workDir.resolve("audit-policy.yaml"), AUDIT_POLICY);
        Path auditLog = workDir.resolve("audit.log");
        String testDir = testDir();
        boolean installed = binariesIn(testDir).isPresent();
        KubeAPIServerConfigBuilder config = KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(testDir)
                .withOfflineMode(installed)
                .withUpdateKubeConfig(false)
                .withApiServerFlag("--bind-address", "127.0.0.1")
                .withApiServerFlag("--advertise-address", "127.0.0.1")
                .withApiServerFlag("--endpoint-reconciler-type", "none")
                // as on OpenShift: blockOwnerDeletion on a child's owner reference needs update on the owner's finalizers
                .withApiServerFlag("--enable-admission-plugins", "OwnerReferencesPermissionEnforcement")
                .withApiServerFlag("--audit-policy-file", workDir.resolve("audit-policy.yaml").toString())
                .withApiServerFlag("--audit-log-path", auditLog.toString())
                .withApiServerFlag("--audit-log-format", "json")
                // 0 is not "never": the log is rotated at 100 MB then, and a count from a mark would lose what came before
                .withApiServerFlag("--audit-log-maxsize", "1000000");
        // one argument each: a boolean flag does not take its value as the next argument
        apiServerFlags.forEach((flag, value) -> config.withApiServerFlag(flag + "=" + value));
        KubeAPIServer server = ControlPlaneStart.start(config, workDir, installed, testDir);
        RealApiServer apiServer = new RealApiServer(server, workDir, auditLog);
        apiServer.addServiceAddresses();
        return apiServer;
    }

    /**
     * kube-api-test fixes the Service range at a /24 (its flag comes after ours): 254 ClusterIPs, where every Agent and
     * ToolServer has a Service. A ServiceCIDR (GA since Kubernetes 1.33) adds a /16 beside it.
     */
    private void addServiceAddresses() {
        try (KubernetesClient client = adminClient()) {
            client.resource(Serialization.unmarshal("""
                    apiVersion: networking.k8s.io/v1
                    kind: ServiceCIDR
                    metadata: {name: tests}
                    spec: {cidrs: [10.1.0.0/16]}
                    """, io.fabric8.kubernetes.api.model.GenericKubernetesResource.class)).create();
        }
    }

    /** etcd + kube-apiserver, with every CRD of kubernetes/crds installed and established. */
    public static RealApiServer withCrds(String name) {
        return withCrds(name, Map.of());
    }

    /** As {@link #withCrds(String)}, with more kube-apiserver flags. */
    public static RealApiServer withCrds(String name, Map<String, String> apiServerFlags) {
        RealApiServer apiServer = start(name, apiServerFlags);
        List<CustomResourceDefinition> crds = apiServer.createCrds();
        try (KubernetesClient client = apiServer.adminClient()) {
            for (CustomResourceDefinition crd : crds) {
                client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
                        .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions().stream()
                                .anyMatch(cond -> cond.getType().equals("Established") && cond.getStatus().equals("True")),
                                30, TimeUnit.SECONDS);
                awaitWatchCache(client, crd);
            }
        }
        return apiServer;
    }

    /** Creates every CRD of kubernetes/crds, as {@code kubectl apply} does: without waiting for anything. */
    public List<CustomResourceDefinition> createCrds() {
        try (KubernetesClient client = adminClient()) {
            List<CustomResourceDefinition> crds = Manifests.yamlFilesIn(Manifests.CRDS).stream()
                    .map(file -> Serialization.unmarshal(read(file), CustomResourceDefinition.class)).toList();
            crds.forEach(crd -> client.resource(crd).create());
            return crds;
        }
    }

    /**
     * A new resource's watch cache starts empty: until it has filled, LISTs served from it get 429 "storage is
     * (re)initializing". An operator started then fails its informers' first list (see docs/testing.md); a cluster
     * where the CRDs were installed a while ago has its caches filled, which is what the tests start from.
     */
    private static void awaitWatchCache(KubernetesClient client, CustomResourceDefinition crd) {
        String apiVersion = crd.getSpec().getGroup() + "/" + crd.getSpec().getVersions().get(0).getName();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
            client.genericKubernetesResources(apiVersion, crd.getSpec().getNames().getKind()).inAnyNamespace()
                    .list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withResourceVersion("0").build());
            return true;
        });
    }

    /** A client as cluster admin (group system:masters). */
    public KubernetesClient adminClient() {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(server.getKubeConfigYaml())).build();
    }

    /**
     * A client as cluster admin with its own user agent: the API server names the field manager of its creates and
     * updates after it, as it does for a Go controller ({@code manager} for a kubebuilder binary).
     */
    public KubernetesClient adminClient(String userAgent) {
        Config config = Config.fromKubeconfig(server.getKubeConfigYaml());
        config.setUserAgent(userAgent);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    public String url() {
        return url;
    }

    /**
     * Stops kube-apiserver and starts a new one on the same etcd, as an upgrade or a crash of the API server does: the
     * data stays, every connection and watch ends, and the new process starts with cold caches. kube-api-test has no
     * API for it (it stops etcd when its API server ends unasked), so its process object is driven by reflection. The
     * new server listens on another port; the new URL is returned (a proxy in front of it keeps clients' URL).
     */
    public String restartApiServer() {
        try {
            Object process = field(server, "kubeApiServerProcess");
            List<String> arguments = List.of(((Process) field(process, "apiServerProcess")).info().arguments().orElseThrow());
            String etcd = arguments.stream().filter(argument -> argument.startsWith("http://127.0.0.1:")).findFirst()
                    .orElseGet(() -> arguments.get(arguments.indexOf("--etcd-servers") + 1));
            int etcdPort = Integer.parseInt(etcd.substring(etcd.lastIndexOf(':') + 1));
            process.getClass().getMethod("stopApiServer").invoke(process);
            Method startApiServer = process.getClass().getMethod("startApiServer", int.class);
            ControlPlaneLogs.during(workDir, () -> {
                try {
                    startApiServer.invoke(process, etcdPort);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            process.getClass().getMethod("waitUntilReady").invoke(process);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("kube-api-test changed; RealApiServer.restartApiServer needs adapting", e);
        }
        write(kubeconfig, server.getKubeConfigYaml());
        url = Config.fromKubeconfig(server.getKubeConfigYaml()).getMasterUrl().replaceAll("/$", "");
        return url;
    }

    static Object field(Object owner, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** A token that authenticates as the ServiceAccount, as a pod's projected token does (TokenRequest). */
    public String serviceAccountToken(String namespace, String serviceAccount) {
        try (KubernetesClient client = adminClient()) {
            TokenRequest request = new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build();
            return client.serviceAccounts().inNamespace(namespace).withName(serviceAccount).tokenRequest(request)
                    .getStatus().getToken();
        }
    }

    /** Starts kube-controller-manager against this server and waits until it is healthy. */
    public RealApiServer withControllerManager() {
        int port = PackagedOperator.freePort();
        Path binary = binariesIn(testDir()).orElseThrow().resolve("kube-controller-manager");
        Path certs = Path.of(testDir()); // kube-api-test's certificates; its API server signs tokens with apiserver.key
        List<String> command = List.of(binary.toString(), "--kubeconfig=" + kubeconfig,
                "--authentication-kubeconfig=" + kubeconfig, "--authorization-kubeconfig=" + kubeconfig,
                "--leader-elect=false", "--bind-address=127.0.0.1", "--secure-port=" + port,
                "--service-account-private-key-file=" + certs.resolve("apiserver.key"),
                "--use-service-account-credentials=false", "--concurrent-gc-syncs=5",
                "--controllers=*,-nodeipam,-nodelifecycle,-cloud-node-lifecycle,-service,-route,-persistentvolume-binder,"
                        + "-attachdetach,-persistentvolume-expander");
        try {
            controllerManager = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("kube-controller-manager.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!controllerManager.isAlive()) {
                throw new IllegalStateException("kube-controller-manager exited; see " + workDir.resolve("kube-controller-manager.log"));
            }
            return Files.readString(workDir.resolve("kube-controller-manager.log")).contains("Started controller");
        });
        return this;
    }

    /**
     * Runs a shell command line as a user types it, in the project directory, with this server's kubectl first on the
     * PATH and its admin kubeconfig in KUBECONFIG; returns its exit code and what it printed (both streams).
     */
    public ShellResult shell(String commandLine) {
        Path kubectlDir = binariesIn(testDir()).orElseThrow();
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", commandLine).redirectErrorStream(true);
        builder.environment().put("PATH", kubectlDir + File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        return run(builder);
    }

    /** What a shell command line ended with. */
    public record ShellResult(int exitCode, String output) {
    }

    /** The kubectl of this server's version. */
    public Path kubectlBinary() {
        return binariesIn(testDir()).orElseThrow().resolve("kubectl");
    }

    /** Runs kubectl against this server as admin and returns what it printed; fails when kubectl does. */
    public String kubectl(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(kubectlBinary().toString(),
                "--kubeconfig=" + kubeconfig));
        command.addAll(List.of(args));
        ShellResult result = run(new ProcessBuilder(command).redirectErrorStream(true));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("kubectl " + String.join(" ", args) + " failed:\n" + result.output());
        }
        return result.output();
    }

    private static ShellResult run(ProcessBuilder builder) {
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            return new ShellResult(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many requests the audit log holds: a mark to count the requests after it. */
    public int auditMark() {
        return auditEvents().size();
    }

    /** Every request the API server has completed so far, as its audit log records it. */
    public List<AuditEvent> auditEvents() {
        if (!Files.exists(auditLog)) {
            return List.of();
        }
        try {
            // up to the last whole line: the API server may be writing the next one
            String log = Files.readString(auditLog);
            Stream<String> lines = log.substring(0, log.lastIndexOf('\n') + 1).lines();
            // a watch is logged when its response starts and again when it ends: one request, counted once
            Map<String, AuditEvent> byId = new LinkedHashMap<>();
            lines.filter(line -> !line.isBlank()).map(RealApiServer::parse)
                    .forEach(json -> byId.putIfAbsent(json.path("auditID").asText(), new AuditEvent(json)));
            return List.copyOf(byId.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The requests of one user from a given audit event index on. */
    public List<AuditEvent> auditEvents(String user, int from, Predicate<AuditEvent> filter) {
        List<AuditEvent> events = auditEvents();
        return events.subList(Math.min(from, events.size()), events.size()).stream()
                .filter(e -> e.user().equals(user)).filter(filter).toList();
    }

    @Override
    public void close() {
        if (controllerManager != null) {
            controllerManager.destroy();
            try {
                controllerManager.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            controllerManager.destroyForcibly();
        }
        server.stop();
    }

    /** One request as the API server saw it. */
    public record AuditEvent(JsonNode json) {

        public String user() {
            return json.path("user").path("username").asText();
        }

        public String userAgent() {
            return json.path("userAgent").asText();
        }

        public String verb() {
            return json.path("verb").asText();
        }

        public String resource() {
            String subresource = json.path("objectRef").path("subresource").asText();
            return json.path("objectRef").path("resource").asText() + (subresource.isEmpty() ? "" : "/" + subresource);
        }

        public String apiGroup() {
            return json.path("objectRef").path("apiGroup").asText();
        }

        public String namespace() {
            return json.path("objectRef").path("namespace").asText();
        }

        public String name() {
            return json.path("objectRef").path("name").asText();
        }

        public java.time.Instant received() {
            return java.time.Instant.parse(json.path("requestReceivedTimestamp").asText());
        }

        /** Whether the API server received the request less than the given time ago. */
        public boolean receivedWithin(Duration duration) {
            return received().isAfter(java.time.Instant.now().minus(duration));
        }

        public int code() {
            return json.path("responseStatus").path("code").asInt();
        }

        public String uri() {
            return json.path("requestURI").asText();
        }

        /** The verbs the API server authorized: an apply that created the object needed create as well as patch. */
        public List<String> authorizedVerbs() {
            return verb().equals("patch") && code() == 201 ? List.of("patch", "create") : List.of(verb());
        }

        public boolean isWrite() {
            return WRITE_VERBS.contains(verb());
        }

        @Override
        public String toString() {
            return code() + " " + verb() + " " + uri();
        }
    }

    /** Where kube-api-test looks for binaries: $KUBE_API_TEST_DIR, else ~/.kubeapitest. */
    private static String testDir() {
        return Optional.ofNullable(System.getenv(KubeAPIServerConfigBuilder.KUBE_API_TEST_DIR))
                .orElse(System.getProperty("user.home") + File.separator + KubeAPIServerConfigBuilder.DIRECTORY_NAME);
    }

    private static Optional<Path> binariesIn(String testDir) {
        Path k8s = Path.of(testDir, "k8s");
        if (!Files.isDirectory(k8s)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(k8s)) {
            return versions.filter(dir -> Files.isExecutable(dir.resolve("kube-apiserver"))).sorted().reduce((a, b) -> b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
