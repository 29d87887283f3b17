package ai.agenticlayer.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentStatus;
import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.status.Conditions;

class FleetTallyTest {

    @Test
    void oneObjectCountsOnceUnderEveryConditionAndAnAbsentConditionIsUnknown() {
        List<Agent> agents = List.of(
                agent(Conditions.condition("Ready", true, "Reconciled", "", 1L), Conditions.condition("Available", false, "NoPods", "", 1L)),
                agent(Conditions.condition("Ready", true, "Reconciled", "", 1L)),
                agent(Conditions.condition("Ready", false, "ResourceConflict", "taken", 1L)),
                new Agent());

        FleetTally.Counts counts = FleetTally.count(0, List.of("Ready", "Available"), agents.iterator());

        assertThat(counts.count("Ready", ConditionStatus.TRUE)).isEqualTo(2);
        assertThat(counts.count("Ready", ConditionStatus.FALSE)).isEqualTo(1);
        assertThat(counts.count("Ready", ConditionStatus.UNKNOWN)).isEqualTo(1);
        assertThat(counts.count("Available", ConditionStatus.TRUE)).isZero();
        assertThat(counts.count("Available", ConditionStatus.FALSE)).isEqualTo(1);
        assertThat(counts.count("Available", ConditionStatus.UNKNOWN)).isEqualTo(3);
        assertThat(counts.conflicts()).isEqualTo(1);
        assertThat(counts.count("NotCounted", ConditionStatus.TRUE)).isZero();
    }

    @Test
    void noObjectsCountZeroEverywhere() {
        FleetTally.Counts counts = FleetTally.count(0, List.of("Ready"), List.<Agent>of().iterator());

        assertThat(counts.count("Ready", ConditionStatus.UNKNOWN)).isZero();
        assertThat(counts.conflicts()).isZero();
    }

    private static Agent agent(Condition... conditions) {
        Agent agent = new Agent();
        AgentStatus status = new AgentStatus();
        status.setConditions(List.of(conditions));
        agent.setStatus(status);
        return agent;
    }
}
