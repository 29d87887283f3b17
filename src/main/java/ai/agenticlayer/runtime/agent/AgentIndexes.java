package ai.agenticlayer.runtime.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentTool;
import ai.agenticlayer.runtime.api.v1alpha1.SubAgent;
import io.fabric8.kubernetes.api.model.ObjectReference;

/**
 * Indexes of the Agent cache by what each Agent references, so that a change of a referenced object re-reconciles
 * exactly the Agents that name it, without scanning every Agent.
 */
final class AgentIndexes {

    static final String SUB_AGENTS = "sub-agents";
    static final String TOOL_ROUTES = "tool-routes";
    static final String TOOL_SERVERS = "tool-servers";
    static final String AI_GATEWAYS = "ai-gateways";
    static final String NAMESPACE = "by-namespace";
    /** The key under {@link #AI_GATEWAYS} of Agents that use the default AiGateway. */
    static final String DEFAULT_AI_GATEWAY = "<default>";

    private AgentIndexes() {
    }

    static Map<String, Function<Agent, List<String>>> all() {
        return Map.of(
                SUB_AGENTS, agent -> keys(agent, subAgents(agent).map(SubAgent::getAgentRef)),
                TOOL_ROUTES, agent -> keys(agent, tools(agent).map(t -> t.getUpstream() == null ? null : t.getUpstream().getToolRouteRef())),
                TOOL_SERVERS, agent -> keys(agent, tools(agent).map(t -> t.getUpstream() == null ? null : t.getUpstream().getToolServerRef())),
                AI_GATEWAYS, agent -> agent.getSpec().getAiGatewayRef() == null ? List.of(DEFAULT_AI_GATEWAY)
                        : keys(agent, Stream.of(agent.getSpec().getAiGatewayRef())),
                NAMESPACE, agent -> List.of(agent.getMetadata().getNamespace()));
    }

    static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    private static List<String> keys(Agent agent, Stream<ObjectReference> references) {
        return references.filter(Objects::nonNull).filter(ref -> ref.getName() != null)
                .map(ref -> key(AgentReferences.namespaceOr(ref, agent.getMetadata().getNamespace()), ref.getName()))
                .distinct().toList();
    }

    private static Stream<SubAgent> subAgents(Agent agent) {
        return agent.getSpec().getSubAgents() == null ? Stream.empty() : agent.getSpec().getSubAgents().stream();
    }

    private static Stream<AgentTool> tools(Agent agent) {
        return agent.getSpec().getTools() == null ? Stream.empty() : agent.getSpec().getTools().stream();
    }
}
