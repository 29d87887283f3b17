package ai.agenticlayer.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode as a new user meets it: the packaged operator against the embedded API server reconciles every sample
 * and prints the tree; a file written into the inbox is applied and the tree printed again. Loopback only.
 */
@RunsPackagedOperator
class LocalModeIT {

    @TempDir
    Path directory;

    @Test
    void theSamplesAreReconciledAndPrintedAndTheInboxIsApplied() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try (LocalMode local = LocalMode.start(directory, freePort(), out)) {
            String tree = printed.toString(StandardCharsets.UTF_8);
            assertThat(tree).contains("=== kubernetes/samples applied ===")
                    .contains("AgentRuntimeConfiguration agent-runtime-operator-system/default\n"
                            + "  Accepted         True Accepted: In force for Agents of every namespace\n")
                    .contains("ToolServer newsroom/weather\n"
                            + "  Ready            True Reconciled: ToolServer is ready\n"
                            + "  Available        Unknown Pending: Deployment weather has not reported availability yet\n"
                            + "  url              http://weather.newsroom.svc.cluster.local:9090/sse\n"
                            + "  Deployment       newsroom/weather  image ghcr.io/example/weather-mcp:0.9.0, replicas 1\n"
                            + "  Service          newsroom/weather  ports 9090\n")
                    .contains("Agent newsroom/summarizer\n"
                            + "  Ready            True Reconciled: Agent is ready\n")
                    .contains("  url              http://summarizer.newsroom.svc.cluster.local:8000/.well-known/agent-card.json\n"
                            + "  Deployment       newsroom/summarizer  image ghcr.io/agentic-layer/agent-template-adk:0.8.0, replicas 1\n")
                    .contains("Agent newsroom/news-agent\n"
                            + "  Ready            False ReconciliationFailed: failed to resolve 1 tool(s): tool \"news\": ToolRoute newsroom/news-fetcher has no URL in its Status field\n")
                    .contains("AgenticWorkforce newsroom/newsroom\n"
                            + "  Ready            True AllAgentsReady: All entry point agents are available\n");
            for (String sample : new String[] { "Agent newsroom/archive-agent", "Agent research/researcher", "ToolServer newsroom/news-fetcher",
                    "AgentRuntimeConfiguration research/research-defaults" }) {
                assertThat(tree).contains(sample + "\n");
            }

            Thread watcher = new Thread(() -> {
                try {
                    local.watchInbox();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            watcher.setDaemon(true);
            watcher.start();
            Files.writeString(directory.resolve("inbox").resolve("route.yaml"), """
                    apiVersion: runtime.agentic-layer.ai/v1alpha1
                    kind: ToolRoute
                    metadata: {name: news-fetcher, namespace: newsroom}
                    spec:
                      toolGatewayRef: {name: tool-gateway, namespace: tool-gateway}
                      upstream: {toolServerRef: {name: news-fetcher}}
                    status: {url: 'http://tool-gateway.tool-gateway.svc.cluster.local/newsroom/news-fetcher/mcp'}
                    """);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                String now = printed.toString(StandardCharsets.UTF_8);
                if (now.contains("route.yaml not applied")) {
                    throw new AssertionError(now.substring(now.indexOf("route.yaml not applied")));
                }
                return now.contains("=== route.yaml applied ===");
            });
            String after = printed.toString(StandardCharsets.UTF_8);
            assertThat(after.substring(after.indexOf("=== route.yaml applied ===")))
                    .contains("Agent newsroom/news-agent\n  Ready            True Reconciled: Agent is ready\n")
                    .contains("  Deployment       newsroom/news-agent  image ghcr.io/agentic-layer/agent-template-adk:0.8.0, replicas 2\n");
        }
    }

    /** kubectl, where installed, reads and server-side applies through the kubeconfig local mode writes. */
    @Test
    void kubectlWorksWithTheKubeconfigItWrites() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl")) || Files.isExecutable(Path.of("/usr/local/bin/kubectl")),
                "kubectl is not installed");
        try (LocalMode local = LocalMode.start(directory, freePort(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            Path kubeconfig = directory.resolve("kubeconfig");
            assertThat(kubectl(kubeconfig, "get", "agents", "-n", "newsroom", "-o", "name"))
                    .contains("agent.runtime.agentic-layer.ai/summarizer", "agent.runtime.agentic-layer.ai/news-agent");
            Path agent = Files.writeString(directory.resolve("helper.yaml"), """
                    apiVersion: runtime.agentic-layer.ai/v1alpha1
                    kind: Agent
                    metadata: {name: helper, namespace: newsroom}
                    spec: {framework: msaf}
                    """);
            assertThat(kubectl(kubeconfig, "apply", "--server-side", "--validate=false", "-f", agent.toString()))
                    .contains("agent.runtime.agentic-layer.ai/helper serverside-applied");
            await().atMost(Duration.ofSeconds(30)).until(() -> kubectl(kubeconfig, "get", "deployment", "helper", "-n", "newsroom",
                    "-o", "jsonpath={.spec.template.spec.containers[0].image}").equals("ghcr.io/agentic-layer/agent-template-msaf:0.1.0"));
        }
    }

    private static String kubectl(Path kubeconfig, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
