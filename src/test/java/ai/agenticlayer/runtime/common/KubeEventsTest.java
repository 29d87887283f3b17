package ai.agenticlayer.runtime.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class KubeEventsTest {

    /** The API server refuses an Event whose eventTime has more or fewer than six fractional digits. */
    @Test
    void eventTimeIsAMicroTimeWithSixFractionalDigits() {
        assertThat(KubeEvents.microTime(Instant.parse("2026-11-29T13:39:17.362138405Z")).getTime())
                .isEqualTo("2026-11-29T13:39:17.362138Z");
        assertThat(KubeEvents.microTime(Instant.parse("2026-11-29T13:39:17Z")).getTime())
                .isEqualTo("2026-11-29T13:39:17.000000Z");
    }
}
