package ai.agenticlayer.runtime.bundle;

import io.quarkiverse.operatorsdk.annotations.CSVMetadata;
import io.quarkiverse.operatorsdk.annotations.SharedCSVMetadata;

/**
 * What OperatorHub shows about this operator: read at build time into the ClusterServiceVersion of the OLM bundle
 * (target/bundle). The examples and the CRDs this operator owns but does not reconcile are added by
 * {@code BundleCompleter} from kubernetes/samples and kubernetes/crds.
 */
@CSVMetadata(
        bundleName = OperatorBundleMetadata.BUNDLE,
        displayName = "Agent Runtime Operator",
        description = OperatorBundleMetadata.DESCRIPTION,
        keywords = { "agents", "llm", "ai", "a2a", "mcp", "agentic" },
        maturity = "alpha",
        minKubeVersion = "1.30.0",
        provider = @CSVMetadata.Provider(name = "Agentic Layer", url = "https://github.com/agentic-layer"),
        maintainers = @CSVMetadata.Maintainer(name = "Agentic Layer maintainers", email = "maintainers@agentic-layer.ai"),
        links = {
                @CSVMetadata.Link(name = "Source", url = "https://github.com/agentic-layer/agent-runtime-operator"),
                @CSVMetadata.Link(name = "Documentation", url = "https://github.com/agentic-layer/agent-runtime-operator#readme")
        },
        annotations = @CSVMetadata.Annotations(
                capabilities = "Basic Install",
                categories = "AI/Machine Learning",
                repository = "https://github.com/agentic-layer/agent-runtime-operator",
                containerImage = "ghcr.io/agentic-layer/agent-runtime-operator"),
        installModes = {
                @CSVMetadata.InstallMode(type = "AllNamespaces", supported = true),
                @CSVMetadata.InstallMode(type = "OwnNamespace", supported = true),
                @CSVMetadata.InstallMode(type = "SingleNamespace", supported = false),
                @CSVMetadata.InstallMode(type = "MultiNamespace", supported = false)
        })
public class OperatorBundleMetadata implements SharedCSVMetadata {

    public static final String BUNDLE = "agent-runtime-operator";

    static final String DESCRIPTION = """
            Runs LLM agents on Kubernetes. Describe an agent, its tools and its sub-agents as custom resources of \
            `runtime.agentic-layer.ai`; the operator turns each `Agent` and `ToolServer` into a Deployment and a \
            Service, injects the framework defaults (template image, ports, environment), resolves references to \
            sub-agents, tools and AI gateways, and reports where each one can be reached.

            ```yaml
            apiVersion: runtime.agentic-layer.ai/v1alpha1
            kind: Agent
            metadata:
              name: news-agent
            spec:
              framework: google-adk
              model: gemini/gemini-2.5-flash
              instruction: You summarise the news of the day.
              tools:
                - name: web-fetch
                  upstream:
                    external:
                      url: https://mcp.example.com/mcp
            ```

            `kubectl get agentic -A` lists every object of the API. Gateways (AgentGateway, AiGateway, \
            ToolGateway), ToolRoutes and guardrails are reconciled by separately installed operators chosen through \
            their `*Class` resources; this operator owns their schemas.

            When a Secret or ConfigMap that an Agent or ToolServer reads through `env` or `envFrom` changes, its pods \
            roll; for that the operator reads Secrets and ConfigMaps and keeps only digests of their values. \
            Admission policies that enforce gateway use and allowed image registries are in the repository's \
            `kubernetes/policies/` (OLM bundles cannot carry them).
            """;
}
