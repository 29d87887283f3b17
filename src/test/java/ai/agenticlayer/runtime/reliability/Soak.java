package ai.agenticlayer.runtime.reliability;

import java.time.Duration;

/**
 * How much larger and longer the reliability tests run: 1 in {@code ./mvnw verify} (CI), 10 with {@code -Psoak}, or
 * {@code -Dreliability.scale=N}. Objects, fault durations, flaps and the waits for them grow by the same factor.
 */
final class Soak {

    static final int SCALE = Integer.getInteger("reliability.scale", 1);

    private Soak() {
    }

    static int times(int count) {
        return count * SCALE;
    }

    static Duration times(Duration duration) {
        return duration.multipliedBy(SCALE);
    }
}
