package ai.agenticlayer.runtime.agent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentTool;
import ai.agenticlayer.runtime.api.v1alpha1.AgentToolUpstream;
import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;
import ai.agenticlayer.runtime.api.v1alpha1.SubAgent;
import ai.agenticlayer.runtime.config.ReferenceRules;
import ai.agenticlayer.runtime.configsource.ConfigSources;
import io.fabric8.kubernetes.api.model.ObjectReference;

/**
 * Resolves the sub-agents, tools and AiGateway an Agent references. Every problem is collected, in the original
 * operator's wording, so that one status message names all of them.
 */
public final class AgentReferences {

    /** The kinds of reference an Agent has; a metric counts Agents whose references of a kind do not resolve. */
    public enum Kind {
        SUB_AGENT("subAgent"), TOOL("tool"), AI_GATEWAY("aiGateway");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Every kind's label, as the reference-failure metric names them. */
        public static List<String> labels() {
            return Stream.of(values()).map(Kind::label).toList();
        }

        static Set<String> labels(Set<Kind> kinds) {
            return kinds.isEmpty() ? Set.of() : kinds.stream().map(Kind::label).collect(Collectors.toSet());
        }
    }

    /** The resolved references, or the messages of every reference that did not resolve, and their kinds. */
    public record Resolution(ResolvedReferences resolved, List<String> errors, Set<Kind> failedKinds) {
        public boolean failed() {
            return !errors.isEmpty();
        }

        public String message() {
            return String.join("; ", errors);
        }
    }

    private AgentReferences() {
    }

    public static Resolution resolve(Agent agent, ReferenceLookup lookup, String defaultAiGatewayNamespace) {
        String namespace = agent.getMetadata().getNamespace();
        List<String> errors = new ArrayList<>();

        Map<String, String> subAgentUrls = new LinkedHashMap<>();
        List<String> subAgentErrors = new ArrayList<>();
        for (SubAgent subAgent : listOrEmpty(agent.getSpec().getSubAgents())) {
            Result url = subAgentUrl(subAgent, namespace, lookup);
            if (url.error() != null) {
                subAgentErrors.add("subAgent \"" + subAgent.getName() + "\": " + url.error());
            } else {
                subAgentUrls.put(subAgent.getName(), url.value());
            }
        }
        Set<Kind> failedKinds = EnumSet.noneOf(Kind.class);
        if (!subAgentErrors.isEmpty()) {
            failedKinds.add(Kind.SUB_AGENT);
            errors.add("failed to resolve " + subAgentErrors.size() + " subAgent(s): " + String.join("; ", subAgentErrors));
        }

        Map<String, String> toolUrls = new LinkedHashMap<>();
        List<String> toolErrors = new ArrayList<>();
        for (AgentTool tool : listOrEmpty(agent.getSpec().getTools())) {
            Result url = toolUrl(tool.getUpstream(), namespace, lookup);
            if (url.error() != null) {
                toolErrors.add("tool \"" + tool.getName() + "\": " + url.error());
            } else {
                toolUrls.put(tool.getName(), url.value());
            }
        }
        if (!toolErrors.isEmpty()) {
            failedKinds.add(Kind.TOOL);
            errors.add("failed to resolve " + toolErrors.size() + " tool(s): " + String.join("; ", toolErrors));
        }

        Optional<AiGateway> aiGateway = Optional.empty();
        ObjectReference gatewayRef = agent.getSpec().getAiGatewayRef();
        if (gatewayRef != null) {
            String gatewayNamespace = namespaceOr(gatewayRef, namespace);
            aiGateway = lookup.aiGateway(gatewayNamespace, gatewayRef.getName());
            if (aiGateway.isEmpty()) {
                failedKinds.add(Kind.AI_GATEWAY);
                errors.add("failed to resolve AiGateway " + gatewayNamespace + "/" + gatewayRef.getName() + ": "
                        + notFound("AiGateway", gatewayRef.getName()));
            }
        } else {
            aiGateway = defaultAiGateway(lookup.aiGateways(defaultAiGatewayNamespace));
        }
        Optional<String> configHash = ConfigSources.hash(namespace,
                ConfigSources.of(agent.getSpec().getEnv(), agent.getSpec().getEnvFrom()), lookup.configSources());
        return new Resolution(new ResolvedReferences(subAgentUrls, toolUrls, aiGateway, configHash), errors, failedKinds);
    }

    /**
     * Each reference of the Agent to another namespace that the reference policies in force forbid, named as in the
     * resolution's messages. URLs are not references, and the default AiGateway is the platform's own choice.
     */
    public static List<String> notAllowed(Agent agent, ReferenceRules rules) {
        String namespace = agent.getMetadata().getNamespace();
        List<String> problems = new ArrayList<>();
        for (SubAgent subAgent : listOrEmpty(agent.getSpec().getSubAgents())) {
            if (subAgent.getAgentRef() != null && !hasUrl(subAgent)) {
                forbidden(rules, namespace, "subAgent \"" + subAgent.getName() + "\": Agent", subAgent.getAgentRef()).ifPresent(problems::add);
            }
        }
        for (AgentTool tool : listOrEmpty(agent.getSpec().getTools())) {
            AgentToolUpstream upstream = tool.getUpstream();
            if (upstream != null && upstream.getToolRouteRef() != null) {
                forbidden(rules, namespace, "tool \"" + tool.getName() + "\": ToolRoute", upstream.getToolRouteRef()).ifPresent(problems::add);
            } else if (upstream != null && upstream.getToolServerRef() != null) {
                forbidden(rules, namespace, "tool \"" + tool.getName() + "\": ToolServer", upstream.getToolServerRef()).ifPresent(problems::add);
            }
        }
        if (agent.getSpec().getAiGatewayRef() != null) {
            forbidden(rules, namespace, "aiGatewayRef: AiGateway", agent.getSpec().getAiGatewayRef()).ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<String> forbidden(ReferenceRules rules, String namespace, String what, ObjectReference ref) {
        String target = namespaceOr(ref, namespace);
        return rules.forbids(namespace, target).map(why -> what + " " + target + "/" + ref.getName() + ": " + why);
    }

    /** With several AiGateways in the default namespace, the oldest wins, then the first by name. */
    static Optional<AiGateway> defaultAiGateway(List<AiGateway> candidates) {
        return candidates.stream().min(Comparator
                .comparing((AiGateway g) -> g.getMetadata().getCreationTimestamp(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(g -> g.getMetadata().getName()));
    }

    private record Result(String value, String error) {
        static Result of(String value) {
            return new Result(value, null);
        }

        static Result error(String error) {
            return new Result(null, error);
        }
    }

    /** A sub-agent's url, when set, wins over its agentRef, as in the original. */
    private static boolean hasUrl(SubAgent subAgent) {
        return subAgent.getUrl() != null && !subAgent.getUrl().isEmpty();
    }

    private static Result subAgentUrl(SubAgent subAgent, String namespace, ReferenceLookup lookup) {
        if (hasUrl(subAgent)) {
            return Result.of(subAgent.getUrl());
        }
        ObjectReference ref = subAgent.getAgentRef();
        if (ref == null) {
            return Result.error("subAgent has neither url nor agentRef specified");
        }
        String refNamespace = namespaceOr(ref, namespace);
        Optional<Agent> target = lookup.agent(refNamespace, ref.getName());
        if (target.isEmpty()) {
            return Result.error("failed to resolve cluster agent " + refNamespace + "/" + ref.getName() + ": "
                    + notFound("Agent", ref.getName()));
        }
        String url = target.get().getStatus() == null ? null : target.get().getStatus().getUrl();
        if (url == null || url.isEmpty()) {
            return Result.error("cluster Agent " + refNamespace + "/" + ref.getName()
                    + " has no URL in its Status field (may not be ready or have A2A protocol)");
        }
        return Result.of(url);
    }

    private static Result toolUrl(AgentToolUpstream upstream, String namespace, ReferenceLookup lookup) {
        if (upstream == null) {
            return Result.error("no upstream configured");
        }
        if (upstream.getToolRouteRef() != null) {
            return statusUrl("ToolRoute", "toolRouteRef", upstream.getToolRouteRef(), namespace,
                    lookup::toolRoute, route -> route.getStatus() == null ? null : route.getStatus().getUrl());
        }
        if (upstream.getToolServerRef() != null) {
            return statusUrl("ToolServer", "toolServerRef", upstream.getToolServerRef(), namespace,
                    lookup::toolServer, server -> server.getStatus() == null ? null : server.getStatus().getUrl());
        }
        if (upstream.getExternal() != null) {
            String url = upstream.getExternal().getUrl() == null ? "" : upstream.getExternal().getUrl().strip();
            return url.isEmpty() ? Result.error("external upstream URL is empty") : Result.of(url);
        }
        return Result.error("no upstream configured");
    }

    /** Resolves a reference to the status.url of a ToolRoute or ToolServer. */
    private static <T> Result statusUrl(String kind, String field, ObjectReference ref, String namespace,
            BiFunction<String, String, Optional<T>> find, Function<T, String> urlOf) {
        if (ref.getName() == null || ref.getName().isEmpty()) {
            return Result.error(field + ".name is empty");
        }
        String refNamespace = namespaceOr(ref, namespace);
        Optional<T> target = find.apply(refNamespace, ref.getName());
        if (target.isEmpty()) {
            return Result.error("failed to resolve " + kind + " " + refNamespace + "/" + ref.getName() + ": "
                    + notFound(kind, ref.getName()));
        }
        String url = urlOf.apply(target.get());
        return url == null || url.isEmpty()
                ? Result.error(kind + " " + refNamespace + "/" + ref.getName() + " has no URL in its Status field")
                : Result.of(url);
    }

    static String namespaceOr(ObjectReference ref, String defaultNamespace) {
        return ref.getNamespace() == null || ref.getNamespace().isEmpty() ? defaultNamespace : ref.getNamespace();
    }

    /**
     * The not-found text the original operator's messages embed: its cached client names the kind where the API server
     * names the resource ({@code Agent.runtime...}, not {@code agents.runtime...}; DifferentialIT compares them).
     */
    private static String notFound(String kind, String name) {
        return kind + ".runtime.agentic-layer.ai \"" + name + "\" not found";
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
