package ai.agenticlayer.runtime.packaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How OperatorHub presents each kind of the API: name, purpose, and the fields worth showing in its forms and views. */
final class OwnedKinds {

    record Description(String displayName, String description, List<Map<String, Object>> specDescriptors,
            List<Map<String, Object>> statusDescriptors) {
    }

    private static final String TEXT = "urn:alm:descriptor:com.tectonic.ui:text";
    private static final String NUMBER = "urn:alm:descriptor:com.tectonic.ui:number";
    private static final String POD_COUNT = "urn:alm:descriptor:com.tectonic.ui:podCount";
    private static final String LINK = "urn:alm:descriptor:org.w3:link";
    private static final String CONDITIONS = "urn:alm:descriptor:io.kubernetes.conditions";

    private static final List<Map<String, Object>> READY_STATUS = List.of(
            descriptor("conditions", "Conditions", "Ready and the other conditions the operator reports", CONDITIONS));
    private static final List<Map<String, Object>> URL_AND_READY_STATUS = List.of(
            descriptor("url", "URL", "Where the service can be reached inside the cluster", LINK),
            descriptor("conditions", "Conditions", "Ready, Available and their reasons", CONDITIONS));

    private static final Map<String, Description> KINDS = Map.ofEntries(
            Map.entry("Agent", new Description("Agent",
                    "An LLM agent, run as a Deployment and a Service, with its tools, sub-agents and AI gateway.",
                    List.of(descriptor("framework", "Framework", "google-adk, msaf or custom", TEXT),
                            descriptor("image", "Image", "Container image; the framework's template image when empty", TEXT),
                            descriptor("model", "Model", "The model the agent uses", TEXT),
                            descriptor("replicas", "Replicas", "Pods to run; left to an HPA when empty", POD_COUNT)),
                    URL_AND_READY_STATUS)),
            Map.entry("ToolServer", new Description("Tool Server",
                    "An MCP tool server (http or sse), run as a Deployment and a Service.",
                    List.of(descriptor("image", "Image", "Container image of the MCP server", TEXT),
                            descriptor("transportType", "Transport", "http or sse", TEXT),
                            descriptor("port", "Port", "Container and Service port", NUMBER),
                            descriptor("replicas", "Replicas", "Pods to run", POD_COUNT)),
                    URL_AND_READY_STATUS)),
            Map.entry("AgenticWorkforce", new Description("Agentic Workforce",
                    "A named group of agents given by its entry points; the status lists every agent and tool they reach.",
                    List.of(descriptor("owner", "Owner", "Who is responsible for the workforce", TEXT)),
                    List.of(descriptor("readyAgents", "Ready agents", "Agents of the cluster that are Ready, of all", TEXT),
                            descriptor("conditions", "Conditions", "Ready and AgentsAvailable", CONDITIONS)))),
            Map.entry("AgentRuntimeConfiguration", new Description("Agent Runtime Configuration",
                    "Defaults for Agents: default framework and template images; cluster-wide in the operator's namespace.",
                    List.of(descriptor("defaultFramework", "Default framework", "Framework of Agents that name none", TEXT)),
                    READY_STATUS)),
            Map.entry("ToolRoute", new Description("Tool Route",
                    "A route through a ToolGateway to a ToolServer or an external MCP server; reconciled by the gateway.",
                    List.of(), List.of(descriptor("url", "URL", "Where agents reach the route", LINK)))),
            Map.entry("AgentGateway", simple("Agent Gateway", "Exposes agents outside the cluster; reconciled by its AgentGatewayClass's operator.")),
            Map.entry("AgentGatewayClass", simple("Agent Gateway Class", "An implementation of AgentGateway, registered by its operator.")),
            Map.entry("AiGateway", simple("AI Gateway", "An LLM proxy that agents send model calls through; reconciled by its AiGatewayClass's operator.")),
            Map.entry("AiGatewayClass", simple("AI Gateway Class", "An implementation of AiGateway, registered by its operator.")),
            Map.entry("ToolGateway", simple("Tool Gateway", "Serves ToolRoutes; reconciled by its ToolGatewayClass's operator.")),
            Map.entry("ToolGatewayClass", simple("Tool Gateway Class", "An implementation of ToolGateway, registered by its operator.")),
            Map.entry("Guard", simple("Guard", "A guardrail (PII masking, moderation, Bedrock policy) that gateways apply.")),
            Map.entry("GuardrailProvider", simple("Guardrail Provider", "The guardrail API a Guard uses (OpenAI moderation, Bedrock, Presidio).")));

    private OwnedKinds() {
    }

    static Description of(String kind) {
        Description description = KINDS.get(kind);
        if (description == null) {
            throw new IllegalArgumentException("no OperatorHub description for kind " + kind + "; add one to OwnedKinds");
        }
        return description;
    }

    private static Description simple(String displayName, String description) {
        return new Description(displayName, description, List.of(), READY_STATUS);
    }

    private static Map<String, Object> descriptor(String path, String displayName, String description, String xDescriptor) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("path", path);
        descriptor.put("displayName", displayName);
        descriptor.put("description", description);
        descriptor.put("x-descriptors", List.of(xDescriptor));
        return descriptor;
    }
}
