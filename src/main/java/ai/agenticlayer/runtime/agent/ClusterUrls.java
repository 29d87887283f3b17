package ai.agenticlayer.runtime.agent;

import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;

/** The cluster-local URL shapes that sibling operators and agent images depend on, byte for byte. */
public final class ClusterUrls {

    public static final String AGENT_CARD_PATH = "/.well-known/agent-card.json";
    private static final int DEFAULT_AI_GATEWAY_PORT = 80;

    private ClusterUrls() {
    }

    /** {@code http://<name>.<namespace>.svc.cluster.local:<port><path>}. */
    public static String service(String name, String namespace, int port, String path) {
        return "http://" + name + "." + namespace + ".svc.cluster.local:" + port + (path == null ? "" : path);
    }

    /** The A2A JSON-RPC endpoint of an agent protocol. */
    public static String a2aRpc(String agentName, String namespace, AgentProtocols.Protocol protocol) {
        return service(agentName, namespace, protocol.port(), protocol.path());
    }

    /** The agent card of an agent protocol, which is the agent's status.url. */
    public static String agentCard(String agentName, String namespace, AgentProtocols.Protocol protocol) {
        return a2aRpc(agentName, namespace, protocol) + AGENT_CARD_PATH;
    }

    /** The LiteLLM proxy base of an AiGateway; the trailing dot after {@code local} is part of the contract. */
    public static String aiGateway(AiGateway gateway) {
        Integer port = gateway.getSpec() == null ? null : gateway.getSpec().getPort();
        return "http://" + gateway.getMetadata().getName() + "." + gateway.getMetadata().getNamespace()
                + ".svc.cluster.local.:" + (port == null ? DEFAULT_AI_GATEWAY_PORT : port);
    }
}
