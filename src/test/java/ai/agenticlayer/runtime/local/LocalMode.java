package ai.agenticlayer.runtime.local;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Manifests;
import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.ObservedStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.StandaloneApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * The operator without a cluster ({@code ./mvnw -Plocal}): an embedded API server (the fabric8 mock in CRUD mode, with
 * server-side apply) with the CRDs installed and kubernetes/samples applied, and the packaged operator, unchanged,
 * pointed at it. Prints what the operator made of every object, then applies each YAML file written into a watched
 * directory and prints again. Build tooling under src/test: nothing of it reaches the jar or the native image.
 */
public final class LocalMode implements AutoCloseable {

    private final StandaloneApiServer apiServer;
    private final KubernetesClient client;
    private final PackagedOperator operator;
    private final Path inbox;
    private final WatchService inboxWatcher;
    private final PrintStream out;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalMode(StandaloneApiServer apiServer, PackagedOperator operator, Path inbox, PrintStream out) throws IOException {
        this.apiServer = apiServer;
        this.client = apiServer.client();
        this.operator = operator;
        this.inbox = Files.createDirectories(inbox);
        this.inboxWatcher = FileSystems.getDefault().newWatchService();
        inbox.register(inboxWatcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        this.out = out;
    }

    /** The API server logs every request; only the tree should reach the terminal. */
    private static final Logger MOCK_SERVER_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    public static void main(String[] args) throws Exception {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        Path directory = Path.of(System.getProperty("local.dir", "target/local"));
        int port = Integer.getInteger("local.port", 8080);
        try (LocalMode local = start(directory, port, System.out)) {
            Runtime.getRuntime().addShutdownHook(new Thread(local::close));
            local.watchInbox();
        }
    }

    /**
     * Starts the API server and the operator, applies the samples and prints the tree once they are reconciled. The
     * directory receives a kubeconfig for the API server and the inbox whose files are applied.
     */
    public static LocalMode start(Path directory, int port, PrintStream out) {
        Path inbox = directory.resolve("inbox");
        StandaloneApiServer apiServer = StandaloneApiServer.withCrds();
        PackagedOperator operator = PackagedOperator.start("local", apiServer.url(),
                Map.of("agent-runtime.leader-election.enabled", "false", "quarkus.http.port", String.valueOf(port)), Map.of());
        LocalMode local;
        try {
            local = new LocalMode(apiServer, operator, inbox, out);
        } catch (IOException e) {
            operator.close();
            apiServer.close();
            throw new UncheckedIOException(e);
        }
        try {
            operator.awaitReady();
            out.println("Agent Runtime Operator running against an embedded API server at " + apiServer.url());
            out.println("  health  http://localhost:" + port + "/q/health    metrics  http://localhost:" + port + "/q/metrics");
            out.println("  log     " + operator.logFile());
            Path kubeconfig = local.writeKubeconfig(directory.resolve("kubeconfig"));
            out.println("  kubectl KUBECONFIG=" + kubeconfig + " kubectl get agents -A");
            out.println("          (apply with: kubectl apply --server-side --validate=false -f <file>)");
            local.apply(Manifests.SAMPLES);
            if (Manifests.yamlFilesIn(inbox).isEmpty()) {
                local.printTree("kubernetes/samples applied");
            } else {
                local.apply(inbox);
                local.printTree("kubernetes/samples and " + inbox + " applied");
            }
            out.println();
            out.println("Write YAML files into " + inbox.toAbsolutePath() + " to apply them; Ctrl-C stops.");
            out.println("No gateway operator runs here: ToolRoutes and AiGateways get no status.url unless a file gives one.");
            return local;
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    /** A kubeconfig for kubectl: the embedded API server, no credentials (it checks none). */
    private Path writeKubeconfig(Path file) {
        try {
            return Files.writeString(file, """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: local, cluster: {server: '%s'}}]
                    users: [{name: local, user: {}}]
                    contexts: [{name: local, context: {cluster: local, user: local, namespace: default}}]
                    current-context: local
                    """.formatted(apiServer.url()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies every YAML document in the files of a directory (or one file): created, or replaced if it exists. */
    public void apply(Path fileOrDirectory) {
        List<JsonNode> documents = Files.isDirectory(fileOrDirectory) ? Manifests.documentsIn(fileOrDirectory)
                : Manifests.documentsOf(fileOrDirectory);
        for (JsonNode document : documents) {
            HasMetadata object = Serialization.unmarshal(document.toString());
            client.resource(object).createOr(NonDeletingOperation::update);
            if (document.has("status")) {
                // standing in for the operator that would report it (a gateway operator's ToolRoute URL, say)
                client.resource(object).patchStatus();
            }
        }
    }

    /**
     * Waits until the operator has reconciled the current generation of every object and the tree has stopped changing
     * (a new ToolRoute URL changes no Agent generation, yet the Agent is reconciled again), then prints it in one write.
     */
    public void printTree(String after) {
        AtomicReference<String> previous = new AtomicReference<>("");
        AtomicInteger unchangedPolls = new AtomicInteger();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            String tree = everythingReconciled() ? ClusterTree.of(client) : "";
            if (tree.isEmpty() || !tree.equals(previous.getAndSet(tree))) {
                unchangedPolls.set(0);
                return false;
            }
            return unchangedPolls.incrementAndGet() >= 4; // a second without change
        });
        out.print("\n=== " + after + " ===\n" + previous.get());
        out.flush();
    }

    /** Applies each file written into the inbox after start, until closed. */
    public void watchInbox() throws InterruptedException {
        try {
            while (!closed.get()) {
                WatchKey key = inboxWatcher.poll(1, TimeUnit.SECONDS);
                if (key == null) {
                    continue;
                }
                TimeUnit.MILLISECONDS.sleep(200); // let the writer finish the file
                Set<Path> changed = new TreeSet<>();
                for (var event : key.pollEvents()) {
                    changed.add(inbox.resolve((Path) event.context()));
                }
                key.reset();
                for (Path file : changed) {
                    String name = file.getFileName().toString();
                    if (Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                        applyAndPrint(file);
                    }
                }
            }
        } catch (ClosedWatchServiceException e) {
            // stopped
        }
    }

    private void applyAndPrint(Path file) {
        try {
            apply(file);
            printTree(file.getFileName() + " applied");
        } catch (RuntimeException e) {
            out.println(file.getFileName() + " not applied: " + e.getMessage());
        }
    }

    private boolean everythingReconciled() {
        return client.resources(Agent.class).inAnyNamespace().list().getItems().stream().allMatch(LocalMode::reconciled)
                && client.resources(ToolServer.class).inAnyNamespace().list().getItems().stream().allMatch(LocalMode::reconciled)
                && client.resources(AgenticWorkforce.class).inAnyNamespace().list().getItems().stream().allMatch(LocalMode::reconciled)
                && client.resources(AgentRuntimeConfiguration.class).inAnyNamespace().list().getItems().stream().allMatch(LocalMode::reconciled);
    }

    private static boolean reconciled(CustomResource<?, ?> object) {
        return object.getStatus() instanceof ObservedStatus status
                && Objects.equals(status.getObservedGeneration(), object.getMetadata().getGeneration());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            inboxWatcher.close();
        } catch (IOException e) {
            // closing anyway
        }
        operator.close();
        client.close();
        apiServer.close();
    }
}
