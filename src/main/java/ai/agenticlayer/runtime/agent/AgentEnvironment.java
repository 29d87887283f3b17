package ai.agenticlayer.runtime.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentSpec;
import ai.agenticlayer.runtime.api.v1alpha1.AgentTool;
import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;
import ai.agenticlayer.runtime.api.v1alpha1.InteractionType;
import ai.agenticlayer.runtime.api.v1alpha1.SubAgent;
import ai.agenticlayer.runtime.children.ChildObjects;
import ai.agenticlayer.runtime.digest.CanonicalJson;
import io.fabric8.kubernetes.api.model.EnvVar;

/**
 * The environment of the agent container: the variables agent template images read (names, values and presence
 * exactly as the original operator sets them), then the user's {@code env}, which replaces a generated variable of the
 * same name, all sorted by name.
 */
public final class AgentEnvironment {

    private AgentEnvironment() {
    }

    public static List<EnvVar> of(Agent agent, List<AgentProtocols.Protocol> protocols, ResolvedReferences references) {
        String name = agent.getMetadata().getName();
        String namespace = agent.getMetadata().getNamespace();
        AgentSpec spec = agent.getSpec();

        Map<String, EnvVar> variables = new LinkedHashMap<>();
        put(variables, "AGENT_NAME", AgentNaming.sanitizeAgentName(name));
        put(variables, "AGENT_DESCRIPTION", orEmpty(spec.getDescription()));
        put(variables, "AGENT_INSTRUCTION", orEmpty(spec.getInstruction()));
        put(variables, "AGENT_MODEL", orEmpty(spec.getModel()));
        put(variables, "OTEL_SEMCONV_STABILITY_OPT_IN", "gen_ai_latest_experimental");
        put(variables, "OTEL_SERVICE_NAME", name);
        AgentProtocols.firstA2a(protocols)
                .ifPresent(a2a -> put(variables, "AGENT_A2A_RPC_URL", ClusterUrls.a2aRpc(name, namespace, a2a)));
        Optional<AiGateway> gateway = references.aiGateway();
        gateway.ifPresent(g -> {
            put(variables, "LITELLM_PROXY_API_BASE", ClusterUrls.aiGateway(g));
            put(variables, "LITELLM_PROXY_API_KEY", namespace + "/" + name);
            put(variables, "USE_LITELLM_PROXY", "True");
        });
        put(variables, "SUB_AGENTS", subAgents(spec.getSubAgents(), references));
        put(variables, "AGENT_TOOLS", tools(spec.getTools(), references));

        return ChildObjects.environment(variables, spec.getEnv());
    }

    /** {@code {"<sanitized name>": {"interaction_type": ..., "url": ...}}}, compact with sorted keys. */
    static String subAgents(List<SubAgent> subAgents, ResolvedReferences references) {
        Map<String, Object> entries = new TreeMap<>();
        for (SubAgent subAgent : subAgents == null ? List.<SubAgent> of() : subAgents) {
            InteractionType interaction = subAgent.getInteractionType() == null ? InteractionType.TOOL_CALL
                    : subAgent.getInteractionType();
            entries.put(AgentNaming.sanitizeAgentName(subAgent.getName()), Map.of(
                    "interaction_type", interaction.value(),
                    "url", references.subAgentUrls().get(subAgent.getName())));
        }
        return CanonicalJson.goStyle(entries);
    }

    /** {@code {"<tool name>": {"propagate_headers": [...], "url": ...}}}; headers only when there are any. */
    static String tools(List<AgentTool> tools, ResolvedReferences references) {
        Map<String, Object> entries = new TreeMap<>();
        for (AgentTool tool : tools == null ? List.<AgentTool> of() : tools) {
            Map<String, Object> entry = new TreeMap<>();
            entry.put("url", references.toolUrls().get(tool.getName()));
            if (tool.getPropagatedHeaders() != null && !tool.getPropagatedHeaders().isEmpty()) {
                entry.put("propagate_headers", tool.getPropagatedHeaders());
            }
            entries.put(tool.getName(), entry);
        }
        return CanonicalJson.goStyle(entries);
    }

    private static void put(Map<String, EnvVar> variables, String name, String value) {
        variables.put(name, new EnvVar(name, value, null));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
