package ai.agenticlayer.runtime.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Typed operator settings, read from application.properties, system properties or environment variables. */
@ConfigMapping(prefix = "agent-runtime")
public interface OperatorConfig {

    String DEFAULT_OPERATOR_NAMESPACE = "agent-runtime-operator-system";
    String DEFAULT_AI_GATEWAY_NAMESPACE = "ai-gateway";
    String DEFAULT_GOOGLE_ADK_IMAGE = "ghcr.io/agentic-layer/agent-template-adk:0.8.0";
    String DEFAULT_MSAF_IMAGE = "ghcr.io/agentic-layer/agent-template-msaf:0.1.0";

    /**
     * Namespace of the operator: an AgentRuntimeConfiguration there sets cluster-wide defaults. Set from
     * {@code POD_NAMESPACE} (downward API) in the shipped manifests.
     */
    @WithDefault("${POD_NAMESPACE:" + DEFAULT_OPERATOR_NAMESPACE + "}")
    String operatorNamespace();

    /** Namespace searched for the default AiGateway of Agents that name none. */
    @WithDefault(DEFAULT_AI_GATEWAY_NAMESPACE)
    String defaultAiGatewayNamespace();

    /** Built-in template images, used when no AgentRuntimeConfiguration pins one. */
    TemplateImages templateImages();

    /**
     * Roll the pods of Agents and ToolServers when a Secret or ConfigMap their environment reads changes. Off: the
     * operator neither watches nor needs read access to Secrets and ConfigMaps, and sets no config hash.
     */
    @WithName("config-rollout.enabled")
    @WithDefault("true")
    boolean configRolloutEnabled();

    /** Only one replica reconciles: the holder of a Lease in the operator namespace (prod profile only). */
    LeaderElection leaderElection();

    interface LeaderElection {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("agent-runtime-operator")
        String leaseName();

        /** Who holds the Lease: the pod name in a cluster; set it when several instances share a host name. */
        @WithDefault("${HOSTNAME:agent-runtime-operator}")
        String identity();

        /** How long a Lease holds without renewal before another replica may take it over. */
        @WithDefault("15s")
        Duration leaseDuration();

        @WithDefault("10s")
        Duration renewDeadline();

        @WithDefault("2s")
        Duration retryPeriod();
    }

    interface TemplateImages {
        @WithDefault(DEFAULT_GOOGLE_ADK_IMAGE)
        String googleAdk();

        @WithDefault(DEFAULT_MSAF_IMAGE)
        String msaf();
    }
}
