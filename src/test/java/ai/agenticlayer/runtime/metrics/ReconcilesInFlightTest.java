package ai.agenticlayer.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ReconcilesInFlightTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> timedByTheSdkMetrics = new CopyOnWriteArrayList<>();
    private final ReconcilesInFlight metrics = new ReconcilesInFlight(new Metrics() {
        @Override
        public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
            timedByTheSdkMetrics.add(execution.controllerName());
            return execution.execute();
        }
    }, registry, clock::get);

    @Test
    void aReconcileStillRunningShowsItsAgeUnderItsControllerAndZeroOnceItEnds() throws Exception {
        metrics.register("agent");
        metrics.register("toolserver");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> stuck = CompletableFuture.supplyAsync(() -> time("agent", () -> {
            release.await();
            return "done";
        }));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !timedByTheSdkMetrics.isEmpty());
        time("agent", () -> "a quick one beside it");

        clock.addAndGet(TimeUnit.SECONDS.toNanos(42));

        assertThat(oldest("agent")).isEqualTo(42.0);
        assertThat(oldest("toolserver")).isZero();
        release.countDown();
        assertThat(stuck.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(oldest("agent")).isZero();
        assertThat(timedByTheSdkMetrics).containsExactly("agent", "agent");
    }

    @Test
    void aFailedReconcileIsNoLongerInFlight() {
        metrics.register("agent");
        assertThatThrownBy(() -> metrics.timeControllerExecution(execution("agent", () -> {
            clock.addAndGet(TimeUnit.SECONDS.toNanos(3));
            assertThat(oldest("agent")).isEqualTo(3.0);
            throw new IllegalStateException("the API server said no");
        }))).hasMessage("the API server said no");
        assertThat(oldest("agent")).isZero();
    }

    @Test
    void idleTimeCountsFromTheEndOfTheLastReconcileAndIsZeroWhileOneRuns() {
        clock.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertThat(metrics.idleNanos()).as("idle since it was made").isEqualTo(TimeUnit.SECONDS.toNanos(5));

        time("agent", () -> {
            clock.addAndGet(TimeUnit.SECONDS.toNanos(2));
            assertThat(metrics.idleNanos()).isZero();
            return "done";
        });
        clock.addAndGet(TimeUnit.SECONDS.toNanos(7));

        assertThat(metrics.idleNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(7));
    }

    private double oldest(String controller) {
        return registry.get(ReconcilesInFlight.OLDEST_RECONCILE).tag("controller", controller).gauge().value();
    }

    private interface Body {
        String run() throws Exception;
    }

    private String time(String controller, Body body) {
        try {
            return metrics.timeControllerExecution(execution(controller, body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Metrics.ControllerExecution<String> execution(String controller, Body body) {
        return new Metrics.ControllerExecution<>() {
            @Override
            public String name() {
                return "reconcile";
            }

            @Override
            public String controllerName() {
                return controller;
            }

            @Override
            public String successTypeName(String result) {
                return result;
            }

            @Override
            public ResourceID resourceID() {
                return new ResourceID("a", "ns");
            }

            @Override
            public Map<String, Object> metadata() {
                return Map.of();
            }

            @Override
            public String execute() throws Exception {
                return body.run();
            }
        };
    }
}
