package ai.agenticlayer.runtime.client;

import static ai.agenticlayer.runtime.client.RetryAfterInterceptor.waitBeforeRetry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryAfterInterceptorTest {

    private static final Duration LONGEST = Duration.ofSeconds(10);

    @Test
    void waitsWhatAThrottledOrUnavailableResponseAsksFor() {
        assertThat(waitBeforeRetry(429, "3", LONGEST)).isEqualTo(Duration.ofSeconds(3));
        assertThat(waitBeforeRetry(503, " 1 ", LONGEST)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void waitsNoLongerThanTheRequestTimeoutAllows() {
        assertThat(waitBeforeRetry(429, "3600", LONGEST)).isEqualTo(LONGEST);
    }

    @Test
    void leavesEverythingElseToTheClientsOwnBackoff() {
        assertThat(waitBeforeRetry(429, null, LONGEST)).isZero();
        assertThat(waitBeforeRetry(429, "0", LONGEST)).isZero();
        assertThat(waitBeforeRetry(429, "-5", LONGEST)).isZero();
        assertThat(waitBeforeRetry(503, "Wed, 21 Oct 2026 07:28:00 GMT", LONGEST)).isZero();
        // not retried by fabric8 at all, so there is nothing to delay
        assertThat(waitBeforeRetry(409, "3", LONGEST)).isZero();
        assertThat(waitBeforeRetry(404, "3", LONGEST)).isZero();
    }
}
