package ai.agenticlayer.runtime.workforce;

import static ai.agenticlayer.runtime.workforce.WorkforceGraphTest.agent;
import static ai.agenticlayer.runtime.workforce.WorkforceGraphTest.workforce;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforceStatus;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** Which workforces an Agent change re-reconciles, and that a workforce's status is read after its Agents are registered. */
class WorkforceAgentsTest {

    private static final Agent ENTRY = agent("""
            metadata: {name: entry, namespace: ns}
            spec: {subAgents: [{name: helper, agentRef: {name: helper}}]}
            status: {conditions: [{type: Ready, status: 'True', reason: Reconciled}]}
            """);
    private static final Agent HELPER_NOT_READY = agent("metadata: {name: helper, namespace: ns}\nspec: {}\n");
    private static final Agent HELPER_READY = agent("""
            metadata: {name: helper, namespace: ns}
            spec: {}
            status: {conditions: [{type: Ready, status: 'True', reason: Reconciled}]}
            """);

    @Test
    void aSubAgentThatBecomesReadyWhileTheStatusIsReadIsSeenThereOrFindsTheWorkforce() {
        WorkforceAgents workforceAgents = new WorkforceAgents();
        AgenticWorkforce workforce = workforce("ns", "entry");
        ResourceID id = ResourceID.fromResource(workforce);
        // the helper becomes Ready after the first reads and before the workforce is registered as reaching it: the
        // change an index over the written status would miss
        List<Boolean> helperRegisteredAtRead = new ArrayList<>();
        WorkforceGraph.AgentLookup lookup = (namespace, name) -> {
            if (name.equals("entry")) {
                return Optional.of(ENTRY);
            }
            boolean registered = workforceAgents.reaching("ns/helper", any -> true).contains(id);
            helperRegisteredAtRead.add(registered);
            return Optional.of(registered ? HELPER_READY : HELPER_NOT_READY);
        };

        AgenticWorkforceStatus status = workforceAgents.status(workforce, lookup, Instant.now());

        assertThat(helperRegisteredAtRead).as("the helper is read again once it is registered").contains(false).endsWith(true);
        assertThat(status.getReadyAgents()).as("the status reports what the read after registering saw").isEqualTo("2/2");
        assertThat(workforceAgents.reaching("ns/helper", any -> true)).containsExactly(id);
        assertThat(workforceAgents.reaching("ns/entry", any -> true)).containsExactly(id);
        assertThat(workforceAgents.reaching("ns/other", any -> true)).isEmpty();
    }

    @Test
    void anUnchangedGraphIsReadOnceAndAnAgentNoLongerReachedIsDropped() {
        WorkforceAgents workforceAgents = new WorkforceAgents();
        AgenticWorkforce workforce = workforce("ns", "entry");
        ResourceID id = ResourceID.fromResource(workforce);
        List<String> reads = new ArrayList<>();
        WorkforceGraph.AgentLookup withHelper = (namespace, name) -> {
            reads.add(name);
            return Optional.of(name.equals("entry") ? ENTRY : HELPER_READY);
        };
        WorkforceConditions.status(workforce, withHelper, Instant.now());
        List<String> oneRead = List.copyOf(reads);
        workforceAgents.status(workforce, withHelper, Instant.now());
        reads.clear();

        AgenticWorkforceStatus status = workforceAgents.status(workforce, withHelper, Instant.now());

        assertThat(reads).as("the graph read once when every Agent is already registered").isEqualTo(oneRead);
        assertThat(status.getReadyAgents()).isEqualTo("2/2");

        Agent entryAlone = agent("""
                metadata: {name: entry, namespace: ns}
                spec: {}
                status: {conditions: [{type: Ready, status: 'True', reason: Reconciled}]}
                """);
        workforceAgents.status(workforce, (namespace, name) -> Optional.of(entryAlone), Instant.now());

        assertThat(workforceAgents.reaching("ns/entry", any -> true)).containsExactly(id);
        assertThat(workforceAgents.reaching("ns/helper", any -> true)).as("no longer reached").isEmpty();
    }

    @Test
    void aWorkforceNoLongerPresentIsForgotten() {
        WorkforceAgents workforceAgents = new WorkforceAgents();
        AgenticWorkforce workforce = workforce("ns", "entry");
        workforceAgents.status(workforce, (namespace, name) -> Optional.empty(), Instant.now());

        assertThat(workforceAgents.reaching("ns/entry", any -> true)).containsExactly(ResourceID.fromResource(workforce));
        assertThat(workforceAgents.reaching("ns/entry", any -> false)).isEmpty();
        assertThat(workforceAgents.reaching("ns/entry", any -> true)).as("forgotten, not only filtered").isEmpty();
    }
}
