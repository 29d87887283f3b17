package ai.agenticlayer.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/** The harness itself: an operator that never becomes ready is not left running for the tests after it. */
@RunsPackagedOperator
class PackagedOperatorIT {

    @Test
    void anOperatorThatDoesNotBecomeReadyIsStoppedAndItsPortFreed() {
        try (StandaloneApiServer apiServer = StandaloneApiServer.withCrds();
                PackagedOperator operator = PackagedOperator.start("not-ready", apiServer.url(),
                        Map.of("agent-runtime.leader-election.enabled", "false"), Map.of()).awaitReady()) {
            apiServer.stop();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> operator.status("/q/health/ready") == 503);

            assertThatThrownBy(() -> operator.awaitReady(Duration.ofSeconds(2))).isInstanceOf(ConditionTimeoutException.class);

            assertThat(operator.isAlive()).isFalse();
            assertThat(operator.status("/q/health/live")).isEqualTo(-1);
        }
    }
}
