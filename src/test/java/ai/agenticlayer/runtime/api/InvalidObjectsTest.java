package ai.agenticlayer.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code kubectl apply} rejects, and with which message: each case is a valid object of its kind with one
 * mistake merged in (JSON merge patch: a null removes a field).
 */
public class InvalidObjectsTest {

    /** A minimal valid object of each kind; every case starts from one of these. */
    private static final Map<String, String> VALID = Map.ofEntries(
            Map.entry("Agent", "metadata: {name: news-agent, namespace: newsroom}\nspec: {}"),
            Map.entry("ToolServer", "metadata: {name: news-fetcher, namespace: newsroom}\nspec: {image: mcp/news:1.0}"),
            Map.entry("ToolRoute", "metadata: {name: news, namespace: newsroom}\nspec: {upstream: {toolServerRef: {name: news-fetcher}}}"),
            Map.entry("AgenticWorkforce", "metadata: {name: newsroom, namespace: newsroom}\n"
                    + "spec: {name: Newsroom, description: News, owner: team@example.com, entryPointAgents: [{name: news-agent}]}"),
            Map.entry("AgentRuntimeConfiguration", "metadata: {name: default, namespace: agent-runtime-operator-system}\nspec: {}"),
            Map.entry("AgentGateway", "metadata: {name: agent-gateway, namespace: agent-gateway}\nspec: {}"),
            Map.entry("AgentGatewayClass", "metadata: {name: krakend}\nspec: {controller: example.com/krakend}"),
            Map.entry("AiGateway", "metadata: {name: ai-gateway, namespace: ai-gateway}\n"
                    + "spec: {aiModels: [{name: gpt-4o, provider: openai}]}"),
            Map.entry("ToolGateway", "metadata: {name: tool-gateway, namespace: tool-gateway}\nspec: {}"),
            Map.entry("Guard", "metadata: {name: pii, namespace: ai-gateway}\nspec: {mode: [pre_call], providerRef: {name: presidio}}"),
            Map.entry("GuardrailProvider", "metadata: {name: moderation, namespace: ai-gateway}\nspec: {type: openai-moderation-api}"));

    public static Stream<Arguments> invalidObjects() {
        return Stream.of(
                // Agent: sub-agents
                invalid("sub-agent with both agentRef and url", "Agent",
                        "spec: {subAgents: [{name: s, agentRef: {name: a}, url: 'https://a.example.com/card.json'}]}",
                        "spec.subAgents[0]: Invalid value: agentRef and url are mutually exclusive - specify exactly one"),
                invalid("sub-agent with neither agentRef nor url", "Agent", "spec: {subAgents: [{name: s}]}",
                        "spec.subAgents[0]: Invalid value: either agentRef or url must be specified"),
                invalid("sub-agent with an ftp URL", "Agent", "spec: {subAgents: [{name: s, url: 'ftp://a.example.com/card.json'}]}",
                        "spec.subAgents[0].url: Invalid value: url must be an http or https URL with a host"),
                invalid("sub-agent URL without a host", "Agent", "spec: {subAgents: [{name: s, url: 'https:///card.json'}]}",
                        "spec.subAgents[0].url: Invalid value: url must be an http or https URL with a host"),
                invalid("sub-agent URL that is no URL", "Agent", "spec: {subAgents: [{name: s, url: not-a-valid-url}]}",
                        "url must be an http or https URL with a host"),
                invalid("sub-agent agentRef without a name", "Agent", "spec: {subAgents: [{name: s, agentRef: {namespace: x}}]}",
                        "spec.subAgents[0]: Invalid value: agentRef.name must be specified"),
                invalid("sub-agent without a name", "Agent", "spec: {subAgents: [{url: 'https://a.example.com/card.json'}]}",
                        "$.spec.subAgents[0]: required property 'name' not found"),
                invalid("unknown interactionType", "Agent",
                        "spec: {subAgents: [{name: s, url: 'https://a.example.com/c.json', interactionType: delegate}]}",
                        "$.spec.subAgents[0].interactionType: does not have a value in the enumeration"),
                // Agent and ToolServer: the Pod API's own rules for the core types they embed
                invalid("env entry without a name", "Agent", "spec: {env: [{value: x}]}",
                        "$.spec.env[0]: required property 'name' not found"),
                invalid("secretKeyRef without a key", "ToolServer",
                        "spec: {env: [{name: API_KEY, valueFrom: {secretKeyRef: {name: news-api}}}]}",
                        "$.spec.env[0].valueFrom.secretKeyRef: required property 'key' not found"),
                invalid("volume without a name", "Agent", "spec: {volumes: [{emptyDir: {}}]}",
                        "$.spec.volumes[0]: required property 'name' not found"),
                invalid("volumeMount without a mountPath", "Agent",
                        "spec: {volumes: [{name: cache, emptyDir: {}}], volumeMounts: [{name: cache}]}",
                        "$.spec.volumeMounts[0]: required property 'mountPath' not found"),
                invalid("cpu limit that is no quantity", "Agent", "spec: {resources: {limits: {cpu: lots}}}",
                        "$.spec.resources.limits.cpu: does not match the regex pattern"),
                invalid("memory request that is no quantity", "ToolServer", "spec: {resources: {requests: {memory: 1 GB}}}",
                        "$.spec.resources.requests.memory: does not match the regex pattern"),
                invalid("OpenAI moderation API key reference without a key", "GuardrailProvider",
                        "spec: {openaiModeration: {apiKeySecretRef: {name: openai}}}",
                        "$.spec.openaiModeration.apiKeySecretRef: required property 'key' not found"),
                // Agent, ToolServer and AgentRuntimeConfiguration: pod identity and placement, with the Pod API's rules
                invalid("toleration with an unknown operator", "Agent", "spec: {tolerations: [{key: gpu, operator: Matches}]}",
                        "$.spec.tolerations[0].operator: does not have a value in the enumeration"),
                invalid("toleration with an unknown effect", "AgentRuntimeConfiguration",
                        "spec: {tolerations: [{key: gpu, operator: Exists, effect: NoRun}]}",
                        "$.spec.tolerations[0].effect: does not have a value in the enumeration"),
                invalid("node affinity requirement with an unknown operator", "ToolServer",
                        "spec: {affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: "
                                + "{nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: Near, values: [a]}]}]}}}}",
                        "$.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                                + ".matchExpressions[0].operator: does not have a value in the enumeration"),
                invalid("pod affinity term without a topologyKey", "Agent",
                        "spec: {affinity: {podAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{labelSelector: {}}]}}}",
                        "$.spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]: "
                                + "required property 'topologyKey' not found"),
                invalid("topology spread constraint without whenUnsatisfiable", "Agent",
                        "spec: {topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone}]}",
                        "$.spec.topologySpreadConstraints[0]: required property 'whenUnsatisfiable' not found"),
                invalid("ServiceAccount name that is no DNS name", "Agent", "spec: {serviceAccountName: Team_A}",
                        "$.spec.serviceAccountName: does not match the regex pattern"),
                invalid("PriorityClass name that is no DNS name", "AgentRuntimeConfiguration", "spec: {priorityClassName: 'high priority'}",
                        "$.spec.priorityClassName: does not match the regex pattern"),
                invalid("node selector value that is not a string", "ToolServer", "spec: {nodeSelector: {pool: {name: gpu}}}",
                        "$.spec.nodeSelector.pool: object found, string expected"),
                invalid("reference policy naming a namespace pattern that is not a valid name", "AgentRuntimeConfiguration",
                        "spec: {referencePolicy: {allowedNamespaces: [shared, Team_A]}}",
                        "spec.referencePolicy.allowedNamespaces: Invalid value: each entry must be a namespace name, "
                                + "a prefix of one followed by '*' (team-*), or '*'"),
                invalid("reference policy with a wildcard inside a name", "AgentRuntimeConfiguration",
                        "spec: {referencePolicy: {allowedNamespaces: ['team-*-prod']}}",
                        "each entry must be a namespace name, a prefix of one followed by '*' (team-*), or '*'"),
                // Agent: framework, image, volumes
                invalid("framework custom without an image", "Agent", "spec: {framework: custom}",
                        "spec.framework: Invalid value: framework \"custom\" requires a custom image. "
                                + "Template agents are only supported for frameworks: google-adk, msaf"),
                invalid("unknown framework", "Agent", "spec: {framework: langchain}",
                        "$.spec.framework: does not have a value in the enumeration [\"custom\", \"google-adk\", \"msaf\"]"),
                invalid("volumeMount naming a missing volume", "Agent",
                        "spec: {volumeMounts: [{name: data, mountPath: /data}], volumes: [{name: config, emptyDir: {}}]}",
                        "spec.volumeMounts: Invalid value: every volumeMounts[].name must name a volume in spec.volumes"),
                invalid("volumeMount with no volumes at all", "Agent", "spec: {volumeMounts: [{name: data, mountPath: /data}]}",
                        "every volumeMounts[].name must name a volume in spec.volumes"),
                invalid("negative replicas", "Agent", "spec: {replicas: -1}", "$.spec.replicas: must have a minimum value of 0"),
                // bounds that keep the CEL rules within the API server's cost budget (CelCostTest)
                invalid("volumeMount name longer than a volume name can be", "Agent",
                        "spec: {volumeMounts: [{name: " + "v".repeat(64) + ", mountPath: /data}], volumes: [{name: " + "v".repeat(64)
                                + ", emptyDir: {}}]}",
                        "$.spec.volumeMounts[0].name: must be at most 63 characters long"),
                invalid("sub-agent URL longer than 2048 characters", "Agent",
                        "spec: {subAgents: [{name: s, url: 'https://a.example.com/" + "p".repeat(2030) + "'}]}",
                        "$.spec.subAgents[0].url: must be at most 2,048 characters long"),
                // Agent: tools
                invalid("tool with two upstreams", "Agent",
                        "spec: {tools: [{name: t, upstream: {toolRouteRef: {name: r}, external: {url: 'https://mcp.example.com'}}}]}",
                        "spec.tools[0].upstream: Invalid value: exactly one of toolRouteRef, toolServerRef, or external must be set"),
                invalid("tool with an empty upstream", "Agent", "spec: {tools: [{name: t, upstream: {}}]}",
                        "spec.tools[0].upstream: Invalid value: exactly one of toolRouteRef, toolServerRef, or external must be set"),
                invalid("tool without upstream", "Agent", "spec: {tools: [{name: t}]}",
                        "$.spec.tools[0]: required property 'upstream' not found"),
                invalid("toolRouteRef without a name", "Agent", "spec: {tools: [{name: t, upstream: {toolRouteRef: {name: ''}}}]}",
                        "spec.tools[0].upstream: Invalid value: toolRouteRef.name must be set"),
                invalid("toolServerRef without a name", "Agent", "spec: {tools: [{name: t, upstream: {toolServerRef: {namespace: n}}}]}",
                        "spec.tools[0].upstream: Invalid value: toolServerRef.name must be set"),
                invalid("external tool URL that is not http", "Agent",
                        "spec: {tools: [{name: t, upstream: {external: {url: 'ftp://mcp.example.com'}}}]}",
                        "$.spec.tools[0].upstream.external.url: does not match the regex pattern ^https?://.+"),
                // Agent: protocols and name
                invalid("protocol port 0", "Agent", "spec: {protocols: [{type: A2A, port: 0}]}",
                        "$.spec.protocols[0].port: must have a minimum value of 1"),
                invalid("protocol path without a leading slash", "Agent", "spec: {protocols: [{type: A2A, path: api}]}",
                        "$.spec.protocols[0].path: does not match the regex pattern ^/[a-zA-Z0-9/_-]*$"),
                invalid("unknown protocol type", "Agent", "spec: {protocols: [{type: OpenAI}]}",
                        "$.spec.protocols[0].type: does not have a value in the enumeration [\"A2A\"]"),
                invalid("Agent name that is not DNS-1035 (upper case)", "Agent", "metadata: {name: News_Agent}",
                        "<root>: Invalid value: metadata.name must be a DNS-1035 label"),
                invalid("Agent name starting with a digit", "Agent", "metadata: {name: 1st-agent}",
                        "<root>: Invalid value: metadata.name must be a DNS-1035 label"),
                invalid("Agent name longer than 63 characters", "Agent", "metadata: {name: " + "a".repeat(64) + "}",
                        "<root>: Invalid value: metadata.name must be at most 63 characters"),
                // ToolServer
                invalid("ToolServer port 0", "ToolServer", "spec: {port: 0}", "$.spec.port: must have a minimum value of 1"),
                invalid("ToolServer port 70000", "ToolServer", "spec: {port: 70000}", "$.spec.port: must have a maximum value of 65535"),
                invalid("ToolServer path without a leading slash", "ToolServer", "spec: {path: mcp}",
                        "$.spec.path: does not match the regex pattern ^/.*"),
                invalid("ToolServer path with a query", "ToolServer", "spec: {path: '/mcp?debug=1'}",
                        "spec.path: Invalid value: path must start with '/' and contain only valid URL path characters"),
                invalid("ToolServer path with a space", "ToolServer", "spec: {path: '/my tools'}",
                        "spec.path: Invalid value: path must start with '/' and contain only valid URL path characters"),
                invalid("ToolServer path with a percent-encoding", "ToolServer", "spec: {path: '/caf%C3%A9'}",
                        "spec.path: Invalid value: path must start with '/' and contain only valid URL path characters"),
                invalid("ToolServer without an image", "ToolServer", "spec: {image: null}", "$.spec: required property 'image' not found"),
                invalid("ToolServer with an empty image", "ToolServer", "spec: {image: ''}", "$.spec.image: must be at least 1 characters long"),
                invalid("ToolServer transport stdio", "ToolServer", "spec: {transportType: stdio}",
                        "$.spec.transportType: does not have a value in the enumeration [\"http\", \"sse\"]"),
                invalid("ToolServer negative replicas", "ToolServer", "spec: {replicas: -2}", "$.spec.replicas: must have a minimum value of 0"),
                invalid("ToolServer name with a dot", "ToolServer", "metadata: {name: news.fetcher}",
                        "<root>: Invalid value: metadata.name must be a DNS-1035 label"),
                // ToolRoute
                invalid("ToolRoute with an empty upstream", "ToolRoute", "spec: {upstream: {toolServerRef: null}}",
                        "spec.upstream: Invalid value: exactly one of toolServerRef or external must be set"),
                invalid("ToolRoute without upstream", "ToolRoute", "spec: {upstream: null}", "$.spec: required property 'upstream' not found"),
                invalid("ToolRoute with two upstreams", "ToolRoute", "spec: {upstream: {external: {url: 'https://mcp.example.com/mcp'}}}",
                        "spec.upstream: Invalid value: exactly one of toolServerRef or external must be set"),
                invalid("ToolRoute toolServerRef without a name", "ToolRoute", "spec: {upstream: {toolServerRef: {name: null, namespace: n}}}",
                        "spec.upstream: Invalid value: toolServerRef.name must be set"),
                // AgenticWorkforce
                invalid("workforce without entry points", "AgenticWorkforce", "spec: {entryPointAgents: []}",
                        "$.spec.entryPointAgents: must have at least 1 items but found 0"),
                invalid("workforce entry point without a name", "AgenticWorkforce", "spec: {entryPointAgents: [{namespace: newsroom}]}",
                        "spec.entryPointAgents: Invalid value: every entryPointAgents[] entry must have a name"),
                invalid("workforce without owner", "AgenticWorkforce", "spec: {owner: null}", "$.spec: required property 'owner' not found"),
                invalid("workforce with an empty description", "AgenticWorkforce", "spec: {description: ''}",
                        "$.spec.description: must be at least 1 characters long"),
                // AgentRuntimeConfiguration
                invalid("custom as default framework", "AgentRuntimeConfiguration", "spec: {defaultFramework: custom}",
                        "$.spec.defaultFramework: does not have a value in the enumeration [\"google-adk\", \"msaf\"]"),
                // Gateways and their classes
                invalid("AgentGateway with 0 replicas", "AgentGateway", "spec: {replicas: 0}", "$.spec.replicas: must have a minimum value of 1"),
                invalid("AgentGateway timeout that is no duration", "AgentGateway", "spec: {timeout: 5 minutes}",
                        "$.spec.timeout: does not match the regex pattern"),
                invalid("AiGateway without models", "AiGateway", "spec: {aiModels: []}", "$.spec.aiModels: must have at least 1 items but found 0"),
                invalid("AiGateway model without provider", "AiGateway", "spec: {aiModels: [{name: gpt-4o}]}",
                        "$.spec.aiModels[0]: required property 'provider' not found"),
                invalid("AiGateway port 0", "AiGateway", "spec: {port: 0}", "$.spec.port: must have a minimum value of 1"),
                invalid("gateway class without controller", "AgentGatewayClass", "spec: {controller: null}",
                        "$.spec: required property 'controller' not found"),
                // Guard and GuardrailProvider
                invalid("Guard with an empty mode list", "Guard", "spec: {mode: []}", "$.spec.mode: must have at least 1 items but found 0"),
                invalid("Guard with a mode twice", "Guard", "spec: {mode: [pre_call, pre_call]}",
                        "spec.mode: Invalid value: mode must not list a value twice"),
                invalid("Guard with an unknown mode", "Guard", "spec: {mode: [always]}", "$.spec.mode[0]: does not have a value in the enumeration"),
                invalid("Guard without providerRef", "Guard", "spec: {providerRef: null}", "$.spec: required property 'providerRef' not found"),
                invalid("Guard with two provider settings", "Guard", "spec: {bedrock: {guardrailId: g}, presidio: {language: en}}",
                        "spec: Invalid value: at most one of openaiModeration, bedrock or presidio may be set"),
                invalid("Guard bedrock settings without guardrailId", "Guard", "spec: {bedrock: {guardrailVersion: '1'}}",
                        "$.spec.bedrock: required property 'guardrailId' not found"),
                invalid("Presidio score threshold above 1", "Guard", "spec: {presidio: {scoreThresholds: {ALL: '1.5'}}}",
                        "spec.presidio.scoreThresholds: Invalid value: scoreThresholds values must be decimal numbers from 0.0 to 1.0"),
                invalid("Presidio entity action REDACT", "Guard", "spec: {presidio: {entityActions: {EMAIL_ADDRESS: REDACT}}}",
                        "spec.presidio.entityActions: Invalid value: entityActions values must be MASK or BLOCK"),
                invalid("bedrock-api provider without bedrock settings", "GuardrailProvider", "spec: {type: bedrock-api}",
                        "spec: Invalid value: bedrock must be set exactly when type is bedrock-api"),
                invalid("presidio settings on an OpenAI provider", "GuardrailProvider",
                        "spec: {presidio: {baseUrl: 'http://presidio:5001'}}",
                        "spec: Invalid value: presidio must be set exactly when type is presidio-api"),
                invalid("openaiModeration settings on a Bedrock provider", "GuardrailProvider",
                        "spec: {type: bedrock-api, bedrock: {region: us-east-1}, openaiModeration: {}}",
                        "spec: Invalid value: openaiModeration may only be set when type is openai-moderation-api"),
                invalid("Presidio provider URL that is not http", "GuardrailProvider",
                        "spec: {type: presidio-api, presidio: {baseUrl: 'presidio:5001'}}",
                        "$.spec.presidio.baseUrl: does not match the regex pattern ^https?://.+"),
                invalid("unknown provider type", "GuardrailProvider", "spec: {type: llama-guard}",
                        "$.spec.type: does not have a value in the enumeration"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidObjects")
    void isRejectedWithAClearMessage(String description, String kind, JsonNode object, String expectedMessage) {
        assertThat(Crds.validatorFor(kind).validate(valid(kind))).as("the valid %s this case starts from", kind).isEmpty();

        assertThat(Crds.validatorFor(kind).validate(object))
                .as(description)
                .anySatisfy(message -> assertThat(message).contains(expectedMessage));
    }

    private static Arguments invalid(String description, String kind, String mistake, String expectedMessage) {
        ObjectNode object = valid(kind);
        merge(object, Manifests.parse(mistake));
        return Arguments.of(description, kind, object, expectedMessage);
    }

    static ObjectNode valid(String kind) {
        return Manifests.parse("apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: " + kind + "\n" + VALID.get(kind));
    }

    /** RFC 7386 JSON merge patch. */
    private static void merge(ObjectNode target, JsonNode patch) {
        patch.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                merge(nested, value);
            } else {
                target.set(field.getKey(), value);
            }
        });
    }
}
