package ai.agenticlayer.runtime.workforce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentTool;
import ai.agenticlayer.runtime.api.v1alpha1.AgentToolUpstream;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.SubAgent;
import ai.agenticlayer.runtime.api.v1alpha1.TransitiveAgent;
import io.fabric8.kubernetes.api.model.ObjectReference;

/**
 * The agents and tools a workforce reaches from its entry points (reference §4.2): depth first across namespaces,
 * each cluster Agent visited once (so cycles end), remote sub-agents keyed by URL, and everything sorted so that an
 * unchanged graph always yields the same status.
 *
 * @param missingEntryPoints entry points that do not exist, as {@code <ns>/<name>}, in spec order
 * @param agents every agent reached, sorted by namespace, name and URL; missing Agents included
 * @param tools every tool key, sorted
 * @param clusterAgents the Agents of the cluster among {@code agents}, as {@code <ns>/<name>}, sorted
 */
public record WorkforceGraph(List<String> missingEntryPoints, List<TransitiveAgent> agents, List<String> tools,
        List<String> clusterAgents) {

    /** Agents by namespace and name. */
    public interface AgentLookup extends BiFunction<String, String, Optional<Agent>> {
    }

    private static final Comparator<TransitiveAgent> AGENT_ORDER = Comparator
            .comparing((TransitiveAgent a) -> Objects.toString(a.getNamespace(), ""))
            .thenComparing(TransitiveAgent::getName)
            .thenComparing(a -> Objects.toString(a.getUrl(), ""));

    public static WorkforceGraph discover(AgenticWorkforce workforce, AgentLookup agents) {
        String namespace = workforce.getMetadata().getNamespace();
        List<ObjectReference> entryPoints = workforce.getSpec().getEntryPointAgents() == null ? List.of()
                : workforce.getSpec().getEntryPointAgents().stream().filter(Objects::nonNull).toList();

        List<String> missing = new ArrayList<>();
        for (ObjectReference entry : entryPoints) {
            String entryNamespace = namespaceOr(entry.getNamespace(), namespace);
            if (agents.apply(entryNamespace, entry.getName()).isEmpty()) {
                missing.add(key(entryNamespace, entry.getName()));
            }
        }

        Walk walk = new Walk(agents);
        entryPoints.forEach(entry -> walk.visit(namespaceOr(entry.getNamespace(), namespace), entry.getName()));

        List<TransitiveAgent> reached = new ArrayList<>(walk.clusterAgents.values());
        reached.addAll(walk.remoteAgents.values());
        reached.sort(AGENT_ORDER);
        return new WorkforceGraph(List.copyOf(missing), List.copyOf(reached), List.copyOf(walk.tools),
                walk.clusterAgents.keySet().stream().sorted().toList());
    }

    public static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    private static String namespaceOr(String namespace, String fallback) {
        return namespace == null || namespace.isEmpty() ? fallback : namespace;
    }

    private static final class Walk {
        private final AgentLookup agents;
        private final Map<String, TransitiveAgent> clusterAgents = new LinkedHashMap<>();
        private final Map<String, TransitiveAgent> remoteAgents = new LinkedHashMap<>();
        private final TreeSet<String> tools = new TreeSet<>();

        Walk(AgentLookup agents) {
            this.agents = agents;
        }

        /** Marks the Agent visited before looking it up, so that a missing Agent is still listed. */
        void visit(String namespace, String name) {
            if (name == null || name.isEmpty() || clusterAgents.containsKey(key(namespace, name))) {
                return;
            }
            TransitiveAgent reached = new TransitiveAgent();
            reached.setName(name);
            reached.setNamespace(namespace);
            clusterAgents.put(key(namespace, name), reached);

            Optional<Agent> agent = agents.apply(namespace, name);
            if (agent.isEmpty()) {
                return;
            }
            for (AgentTool tool : Optional.ofNullable(agent.get().getSpec().getTools()).orElse(List.of())) {
                toolKey(tool.getUpstream(), namespace).ifPresent(tools::add);
            }
            for (SubAgent subAgent : Optional.ofNullable(agent.get().getSpec().getSubAgents()).orElse(List.of())) {
                if (subAgent.getAgentRef() != null) {
                    visit(namespaceOr(subAgent.getAgentRef().getNamespace(), namespace), subAgent.getAgentRef().getName());
                } else if (subAgent.getUrl() != null && !subAgent.getUrl().isEmpty()) {
                    TransitiveAgent remote = new TransitiveAgent();
                    remote.setName(subAgent.getName());
                    remote.setUrl(subAgent.getUrl());
                    remoteAgents.put(subAgent.getUrl(), remote); // the last name given to a URL wins, as in the original
                }
            }
        }

        private static Optional<String> toolKey(AgentToolUpstream upstream, String agentNamespace) {
            if (upstream == null) {
                return Optional.empty();
            }
            if (upstream.getToolRouteRef() != null && hasName(upstream.getToolRouteRef())) {
                return Optional.of("toolroute:" + key(namespaceOr(upstream.getToolRouteRef().getNamespace(), agentNamespace),
                        upstream.getToolRouteRef().getName()));
            }
            if (upstream.getToolServerRef() != null && hasName(upstream.getToolServerRef())) {
                return Optional.of("toolserver:" + key(namespaceOr(upstream.getToolServerRef().getNamespace(), agentNamespace),
                        upstream.getToolServerRef().getName()));
            }
            if (upstream.getExternal() != null && upstream.getExternal().getUrl() != null && !upstream.getExternal().getUrl().isEmpty()) {
                return Optional.of("external:" + upstream.getExternal().getUrl());
            }
            return Optional.empty();
        }

        private static boolean hasName(ObjectReference reference) {
            return reference.getName() != null && !reference.getName().isEmpty();
        }
    }
}
