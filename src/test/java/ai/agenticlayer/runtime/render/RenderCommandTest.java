package ai.agenticlayer.runtime.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Manifests;

/** The render command as a CI job sees it: arguments, files and standard input in; YAML, messages and an exit code out. */
class RenderCommandTest {

    record Result(int exit, String out, String err) {
        List<JsonNode> objects() throws IOException {
            return Manifests.YAML.readValues(Manifests.YAML.createParser(out), JsonNode.class).readAll();
        }

        JsonNode find(String kind, String name) throws IOException {
            return objects().stream().filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in\n" + out));
        }
    }

    @TempDir
    Path directory;

    @Test
    void anAgentFromStandardInputBecomesItsDeploymentServiceAndStatus() throws IOException {
        Result result = render("""
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: helper, namespace: team-a}
                spec: {framework: google-adk}
                """, "-");

        assertThat(result.exit()).isEqualTo(RenderCommand.RENDERED);
        assertThat(result.objects()).extracting(o -> o.path("kind").asText()).containsExactly("Deployment", "Service", "Agent");
        JsonNode deployment = result.find("Deployment", "helper");
        assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("team-a");
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("ghcr.io/agentic-layer/agent-template-adk:0.8.0");
        assertThat(deployment.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("Agent");
        JsonNode agent = result.find("Agent", "helper");
        assertThat(agent.at("/status/url").asText()).isEqualTo("http://helper.team-a.svc.cluster.local:8000/.well-known/agent-card.json");
        assertThat(agent.at("/status/conditions/0/reason").asText()).isEqualTo("Reconciled");
        assertThat(agent.at("/status/conditions/0/lastTransitionTime").isMissingNode()).isTrue();
        assertThat(result.err()).isEmpty();
    }

    @Test
    void referencesResolveAmongTheGivenFilesAndMissingOnesAreReportedAsTheReconcilerWould() throws IOException {
        write("agents/coordinator.yaml", """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: coordinator, namespace: ops}
                spec:
                  subAgents: [{name: worker, agentRef: {name: worker}}]
                  tools: [{name: files, upstream: {toolServerRef: {name: files}}}]
                """);
        write("agents/worker.yml", """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: worker, namespace: ops}
                spec: {}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: ops}
                """);

        Result missingToolServer = render("", directory.toString());
        assertThat(missingToolServer.exit()).isEqualTo(RenderCommand.RENDERED);
        JsonNode coordinator = missingToolServer.find("Agent", "coordinator");
        assertThat(coordinator.at("/status/conditions/0/reason").asText()).isEqualTo("ReconciliationFailed");
        assertThat(coordinator.at("/status/conditions/0/message").asText())
                .isEqualTo("failed to resolve 1 tool(s): tool \"files\": failed to resolve ToolServer ops/files: ToolServer.runtime.agentic-layer.ai \"files\" not found");
        assertThat(missingToolServer.err()).contains("Agent ops/coordinator: Ready=False ReconciliationFailed")
                .contains("passed over Namespace ops");

        write("tools.yaml", """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: files, namespace: ops}
                spec: {image: 'mcp/filesystem:1.0'}
                """);
        Result resolved = render("", directory.toString());
        JsonNode env = resolved.find("Deployment", "coordinator").at("/spec/template/spec/containers/0/env");
        assertThat(env.toString()).contains("http://worker.ops.svc.cluster.local:8000/.well-known/agent-card.json")
                .contains("http://files.ops.svc.cluster.local:8080/mcp");
        assertThat(resolved.find("Agent", "coordinator").at("/status/conditions/0/reason").asText()).isEqualTo("Reconciled");
    }

    @Test
    void aGivenToolRouteStatusStandsInForTheGatewayOperator() throws IOException {
        String agent = """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: reader, namespace: ops}
                spec: {tools: [{name: news, upstream: {toolRouteRef: {name: news}}}]}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolRoute
                metadata: {name: news, namespace: ops}
                spec: {toolGatewayRef: {name: tool-gateway}, upstream: {external: {url: 'https://news.example.com/mcp'}}}
                """;
        assertThat(render(agent, "-").find("Agent", "reader").at("/status/conditions/0/message").asText())
                .isEqualTo("failed to resolve 1 tool(s): tool \"news\": ToolRoute ops/news has no URL in its Status field");

        Result routed = render(agent + "status: {url: 'http://tool-gateway.ops.svc.cluster.local/news/mcp'}\n", "-");
        assertThat(routed.find("Agent", "reader").at("/status/conditions/0/reason").asText()).isEqualTo("Reconciled");
        assertThat(routed.find("Deployment", "reader").at("/spec/template/spec/containers/0/env").toString())
                .contains("http://tool-gateway.ops.svc.cluster.local/news/mcp");
        // only the kinds this operator reconciles are printed
        assertThat(routed.objects()).extracting(o -> o.path("kind").asText()).containsExactly("Deployment", "Service", "Agent");
    }

    @Test
    void secretsAndConfigMapsGivenFeedTheConfigHashAsTheClusterWould() throws IOException {
        write("agent.yaml", """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: keyed, namespace: ops}
                spec: {envFrom: [{secretRef: {name: api-keys}}]}
                """);
        String missing = configHash(render("", directory.toString()));

        write("secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata: {name: api-keys, namespace: ops}
                stringData: {OPENAI_API_KEY: sk-one}
                """);
        Result given = render("", directory.toString());
        assertThat(given.err()).doesNotContain("passed over Secret");
        assertThat(given.out()).doesNotContain("sk-one").doesNotContain("kind: Secret");
        String fromStringData = configHash(given);

        write("secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata: {name: api-keys, namespace: ops}
                data: {OPENAI_API_KEY: c2stb25l}
                """);
        assertThat(missing).isNotBlank().isNotEqualTo(fromStringData);
        assertThat(configHash(render("", directory.toString()))).as("data and stringData of the same value").isEqualTo(fromStringData);
    }

    private static String configHash(Result result) throws IOException {
        return result.find("Deployment", "keyed").at("/spec/template/metadata/annotations")
                .path("runtime.agentic-layer.ai/config-hash").asText();
    }

    @Test
    void invalidYamlNamesTheFileAndTheLine() throws IOException {
        Path file = write("broken.yaml", "apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: Agent\nmetadata: {name: [unclosed\n");
        Result result = render("", file.toString());
        assertThat(result.exit()).isEqualTo(RenderCommand.INVALID_INPUT);
        assertThat(result.err()).startsWith("render: " + file + ": invalid YAML at line");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnknownKindOrVersionIsRefused() throws IOException {
        Path file = write("typo.yaml", """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agnet
                metadata: {name: typo}
                ---
                apiVersion: runtime.agentic-layer.ai/v1
                kind: Agent
                metadata: {name: future}
                """);
        Result result = render("", file.toString());
        assertThat(result.exit()).isEqualTo(RenderCommand.INVALID_INPUT);
        assertThat(result.err()).contains(file + " (document 1): unknown kind Agnet in runtime.agentic-layer.ai/v1alpha1 (known: Agent, ")
                .contains(file + " (document 2): Agent default/future: unknown apiVersion runtime.agentic-layer.ai/v1; this operator serves runtime.agentic-layer.ai/v1alpha1");
    }

    /** Two Agents: one breaks a schema rule (minimum), the other a CEL rule (exactly one upstream); PackagedRenderIT too. */
    static final String SCHEMA_AND_CEL_VIOLATIONS = """
            apiVersion: runtime.agentic-layer.ai/v1alpha1
            kind: Agent
            metadata: {name: negative, namespace: ops}
            spec: {replicas: -1}
            ---
            apiVersion: runtime.agentic-layer.ai/v1alpha1
            kind: Agent
            metadata: {name: ambiguous, namespace: ops}
            spec:
              tools: [{name: t, upstream: {toolServerRef: {name: a}, external: {url: 'https://tools.example.com'}}}]
            """;

    @Test
    void schemaAndCelViolationsNameTheFileTheObjectAndTheField() throws IOException {
        Path file = write("invalid.yaml", SCHEMA_AND_CEL_VIOLATIONS);
        Result result = render("", file.toString());
        assertThat(result.exit()).isEqualTo(RenderCommand.INVALID_INPUT);
        assertThat(result.err()).contains(file + " (document 1): Agent ops/negative: ").contains("spec.replicas")
                .contains(file + " (document 2): Agent ops/ambiguous: spec.tools[0].upstream: Invalid value: exactly one of toolRouteRef, toolServerRef, or external");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMissingNameOrAnObjectGivenTwiceIsRefused() throws IOException {
        Path file = write("twice.yaml", """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {namespace: ops}
                spec: {image: 'mcp/a:1'}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: same}
                spec: {}
                ---
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: same, namespace: default}
                spec: {}
                """);
        Result result = render("", file.toString());
        assertThat(result.exit()).isEqualTo(RenderCommand.INVALID_INPUT);
        assertThat(result.err()).contains(file + " (document 1): ToolServer <unnamed>: metadata.name: Required value")
                .contains(file + " (document 3): Agent default/same: already defined in " + file + " (document 2)");
    }

    @Test
    void wrongUsageExitsWithTwoAndHelpWithZero() {
        assertThat(render("").exit()).isEqualTo(RenderCommand.USAGE);
        Result unknownOption = render("", "--frobnicate", "x.yaml");
        assertThat(unknownOption.exit()).isEqualTo(RenderCommand.USAGE);
        assertThat(unknownOption.err()).startsWith("render: unknown option or missing value: --frobnicate");
        assertThat(render("", "does-not-exist.yaml").err()).isEqualTo("render: does-not-exist.yaml: no such file or directory\n");
        Result help = render("", "--help");
        assertThat(help.exit()).isEqualTo(RenderCommand.RENDERED);
        assertThat(help.out()).startsWith("Usage: render");
    }

    @Test
    void optionsStandInForTheOperatorsConfiguration() throws IOException {
        Result result = render("""
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: Agent
                metadata: {name: helper}
                spec: {}
                """, "--namespace", "team-b", "--google-adk-image", "registry.example.com/adk:2.0", "-");
        JsonNode deployment = result.find("Deployment", "helper");
        assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("team-b");
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("registry.example.com/adk:2.0");
    }

    private Path write(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static Result render(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = RenderCommand.run(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
