package ai.agenticlayer.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** What the log says when the leader loses its Lease while running: the new holder, or the deadline and its setting. */
class LeaderElectionTest {

    @Test
    void aLeaseTakenByAnotherReplicaNamesIt() {
        assertThat(LeaderElection.lossReason("operator-a", "operator-b", Duration.ofSeconds(10))).isEqualTo("operator-b holds it now");
    }

    @Test
    void aLeaseNotRenewedInTimeNamesTheDeadlineAndItsSetting() {
        String expected = "not renewed within the renew deadline (agent-runtime.leader-election.renew-deadline=%s)";
        // the elector last saw this replica as the holder, or a released Lease, or nothing
        assertThat(LeaderElection.lossReason("operator-a", "operator-a", Duration.ofSeconds(10))).isEqualTo(expected.formatted("10s"));
        assertThat(LeaderElection.lossReason("operator-a", "", Duration.ofSeconds(30))).isEqualTo(expected.formatted("30s"));
        assertThat(LeaderElection.lossReason("operator-a", null, Duration.ofMillis(1500))).isEqualTo(expected.formatted("1500ms"));
    }
}
