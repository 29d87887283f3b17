package ai.agenticlayer.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class IdleCollectionTest {

    private final AtomicLong idleNanos = new AtomicLong();
    /** The collections the runtime has run so far; a full collection the operator asks for is one of them. */
    private final AtomicLong collections = new AtomicLong(3);
    private final AtomicLong asked = new AtomicLong();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final IdleCollection idle = new IdleCollection(Duration.ofSeconds(10), idleNanos::get, collections::get, () -> {
        asked.incrementAndGet();
        collections.incrementAndGet();
    }, registry);

    @Test
    void collectsOnceTheOperatorHasReconciledNothingForTheSetTime() {
        idle(9);
        assertThat(idle.tick()).isFalse();
        assertThat(asked).hasValue(0);

        idle(10);
        assertThat(idle.tick()).isTrue();

        assertThat(asked).hasValue(1);
        assertThat(registry.get(IdleCollection.IDLE_COLLECTIONS).counter().count()).isEqualTo(1.0);
    }

    @Test
    void collectsAgainOnlyAfterAnotherCollectionHasRunSinceItsOwn() {
        idle(10);
        idle.tick();
        idle(600);
        assertThat(idle.tick()).as("nothing collected since its own: nothing can have reached the old generation").isFalse();

        collections.incrementAndGet();
        assertThat(idle.tick()).isTrue();

        assertThat(asked).hasValue(2);
        assertThat(registry.get(IdleCollection.IDLE_COLLECTIONS).counter().count()).isEqualTo(2.0);
    }

    @Test
    void aReconcileRunningOrJustEndedHoldsItBackEvenAfterCollections() {
        collections.addAndGet(50);
        idle(0);
        assertThat(idle.tick()).isFalse();
        idle(3);
        assertThat(idle.tick()).isFalse();
        assertThat(asked).hasValue(0);
    }

    @Test
    void aCollectionThatFailsIsTriedAgainAtTheNextTick() {
        AtomicLong attempts = new AtomicLong();
        SimpleMeterRegistry counted = new SimpleMeterRegistry();
        IdleCollection failingOnce = new IdleCollection(Duration.ofSeconds(10), idleNanos::get, collections::get, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalArgumentException("no such option");
            }
            collections.incrementAndGet();
        }, counted);
        idle(10);

        failingOnce.tickLoggingFailures();
        assertThat(counted.get(IdleCollection.IDLE_COLLECTIONS).counter().count()).as("a failed collection is not counted").isZero();
        failingOnce.tickLoggingFailures();

        assertThat(attempts).hasValue(2);
        assertThat(counted.get(IdleCollection.IDLE_COLLECTIONS).counter().count()).as("the second attempt collected").isEqualTo(1.0);
        assertThat(failingOnce.tick()).as("and counts as its own: no third collection until another has run").isFalse();
    }

    private void idle(long seconds) {
        idleNanos.set(TimeUnit.SECONDS.toNanos(seconds));
    }
}
