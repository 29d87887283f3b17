package ai.agenticlayer.runtime.agent;

import static ai.agenticlayer.runtime.agent.AgentFixtures.BUILT_IN;
import static ai.agenticlayer.runtime.agent.AgentFixtures.agent;
import static ai.agenticlayer.runtime.agent.AgentFixtures.lookup;
import static ai.agenticlayer.runtime.agent.AgentFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.AiGateway;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.config.AgentDefaults;

/**
 * The cross-namespace reference policy of AgentRuntimeConfigurations: the operator namespace's ("platform") for every
 * Agent, narrowed, never widened, by the Agent's namespace's ("team-a").
 */
class ReferencePolicyTest {

    /** An Agent of team-a with a reference into each of shared, team-b and other. */
    private static final Agent AGENT = agent("""
            metadata: {name: coordinator, namespace: team-a}
            spec:
              subAgents: [{name: helper, agentRef: {name: helper, namespace: team-b}}, {name: remote, url: 'https://x.example.com/card.json'}]
              tools: [{name: search, upstream: {toolServerRef: {name: search, namespace: shared}}}]
              aiGatewayRef: {name: gateway, namespace: other}
            """);

    private static final ReferenceLookup TARGETS = lookup(
            agent("metadata: {name: helper, namespace: team-b}\nspec: {}\nstatus: {url: 'http://helper.team-b:8000/card.json'}"),
            object("""
                    apiVersion: runtime.agentic-layer.ai/v1alpha1
                    kind: ToolServer
                    metadata: {name: search, namespace: shared}
                    spec: {image: x}
                    status: {url: 'http://search.shared:8080/mcp'}
                    """, ToolServer.class),
            object("""
                    apiVersion: runtime.agentic-layer.ai/v1alpha1
                    kind: AiGateway
                    metadata: {name: gateway, namespace: other}
                    spec: {aiModels: [{name: m, provider: openai}]}
                    """, AiGateway.class));

    private static AgentDefaults defaults(String... configurations) {
        List<AgentRuntimeConfiguration> all = Arrays.stream(configurations).map(yaml -> object(
                "apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: AgentRuntimeConfiguration\n" + yaml,
                AgentRuntimeConfiguration.class)).toList();
        return AgentDefaults.forNamespace("team-a", BUILT_IN, "platform",
                namespace -> all.stream().filter(arc -> arc.getMetadata().getNamespace().equals(namespace)).toList());
    }

    private static AgentPlan plan(AgentDefaults defaults) {
        return AgentPlan.of(AGENT, TARGETS, defaults, "ai-gateway");
    }

    @Test
    void withoutAPolicyEveryNamespaceIsAllowedAsBefore() {
        assertThat(plan(defaults())).isInstanceOf(AgentPlan.Ready.class);
        assertThat(plan(defaults("metadata: {name: p, namespace: platform}\nspec: {referencePolicy: {}}")))
                .isInstanceOf(AgentPlan.Ready.class);
    }

    @Test
    void thePlatformsPolicyAllowsNamesAndPrefixesAndNamesTheRuleForTheRest() {
        AgentPlan plan = plan(defaults("metadata: {name: p, namespace: platform}\nspec: {referencePolicy: {allowedNamespaces: [shared, team-*]}}"));

        assertThat(plan).isInstanceOf(AgentPlan.NotReady.class);
        AgentPlan.NotReady notReady = (AgentPlan.NotReady) plan;
        assertThat(notReady.reason()).isEqualTo("ReferenceNotAllowed");
        assertThat(notReady.message()).isEqualTo("aiGatewayRef: AiGateway other/gateway: namespace other is not allowed by the "
                + "referencePolicy of AgentRuntimeConfiguration platform/p (allowedNamespaces: shared, team-*; "
                + "an Agent's own namespace is always allowed)");
        assertThat(plan(defaults("metadata: {name: p, namespace: platform}\nspec: {referencePolicy: {allowedNamespaces: ['*']}}")))
                .isInstanceOf(AgentPlan.Ready.class);
    }

    @Test
    void anEmptyListAllowsOnlyTheAgentsOwnNamespaceAndUrlsAreNoReferences() {
        AgentPlan.NotReady plan = (AgentPlan.NotReady) plan(defaults(
                "metadata: {name: p, namespace: platform}\nspec: {referencePolicy: {allowedNamespaces: []}}"));

        assertThat(plan.message()).startsWith("subAgent \"helper\": Agent team-b/helper: namespace team-b is not allowed")
                .contains("; tool \"search\": ToolServer shared/search: namespace shared is not allowed")
                .contains("; aiGatewayRef: AiGateway other/gateway: namespace other is not allowed");
        assertThat(AgentPlan.of(agent("""
                metadata: {name: local, namespace: team-a}
                spec: {subAgents: [{name: remote, url: 'https://x.example.com/card.json'}]}
                """), TARGETS, defaults("metadata: {name: p, namespace: platform}\nspec: {referencePolicy: {allowedNamespaces: []}}"),
                "other")).as("a URL, and the default AiGateway of another namespace").isInstanceOf(AgentPlan.Ready.class);
    }

    @Test
    void aNamespacesPolicyNarrowsThePlatformsAndCannotWidenIt() {
        AgentPlan.NotReady narrowed = (AgentPlan.NotReady) plan(defaults(
                "metadata: {name: p, namespace: platform}\nspec: {referencePolicy: {allowedNamespaces: ['*']}}",
                "metadata: {name: t, namespace: team-a}\nspec: {referencePolicy: {allowedNamespaces: [shared]}}"));
        assertThat(narrowed.message()).contains("Agent team-b/helper: namespace team-b is not allowed by the referencePolicy of "
                + "AgentRuntimeConfiguration team-a/t").doesNotContain("search");

        AgentPlan.NotReady notWidened = (AgentPlan.NotReady) plan(defaults(
                "metadata: {name: p, namespace: platform}\nspec: {referencePolicy: {allowedNamespaces: [shared, other]}}",
                "metadata: {name: t, namespace: team-a}\nspec: {referencePolicy: {allowedNamespaces: ['*']}}"));
        assertThat(notWidened.message()).startsWith("subAgent \"helper\": Agent team-b/helper: namespace team-b is not allowed "
                + "by the referencePolicy of AgentRuntimeConfiguration platform/p").doesNotContain("team-a/t");
    }
}
