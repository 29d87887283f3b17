package ai.agenticlayer.runtime.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The SDK's metrics, plus how long the oldest reconcile still running has been running, per controller
 * ({@value #OLDEST_RECONCILE}). Every request of a reconcile is bounded, so a reconcile takes seconds at most; one whose
 * age keeps growing is stuck (a request or a lock that never ends), and the SDK neither ends nor reports it: it runs one
 * reconcile per object at a time, so that object is reconciled no more until the process restarts.
 */
final class ReconcilesInFlight implements Metrics {

    static final String OLDEST_RECONCILE = "agent_runtime_oldest_reconcile_seconds";

    private record Running(String controller, long startNanos) {
    }

    private final Metrics delegate;
    private final MeterRegistry registry;
    private final LongSupplier nanoTime;
    private final Map<Object, Running> running = new ConcurrentHashMap<>();
    private volatile long lastFinishedNanos;

    ReconcilesInFlight(Metrics delegate, MeterRegistry registry, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.registry = registry;
        this.nanoTime = nanoTime;
        this.lastFinishedNanos = nanoTime.getAsLong();
    }

    /** How long no reconcile has run: 0 while one runs, else the time since the last one ended (or since the start). */
    long idleNanos() {
        return running.isEmpty() ? nanoTime.getAsLong() - lastFinishedNanos : 0;
    }

    @Override
    public void controllerRegistered(Controller<? extends HasMetadata> controller) {
        delegate.controllerRegistered(controller);
        register(controller.getConfiguration().getName());
    }

    void register(String controller) {
        Gauge.builder(OLDEST_RECONCILE, this, inFlight -> inFlight.oldestSeconds(controller))
                .description("How long the oldest reconcile still running has been running; 0 when none runs."
                        + " One that keeps growing is stuck, and its object is reconciled no more")
                .tags("controller", controller)
                .register(registry);
    }

    double oldestSeconds(String controller) {
        long now = nanoTime.getAsLong();
        return running.values().stream().filter(r -> r.controller().equals(controller))
                .mapToLong(r -> now - r.startNanos()).max().orElse(0) / 1e9;
    }

    @Override
    public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
        Object token = new Object();
        running.put(token, new Running(execution.controllerName(), nanoTime.getAsLong()));
        try {
            return delegate.timeControllerExecution(execution);
        } finally {
            lastFinishedNanos = nanoTime.getAsLong();
            running.remove(token);
        }
    }

    @Override
    public void receivedEvent(Event event, Map<String, Object> metadata) {
        delegate.receivedEvent(event, metadata);
    }

    @Override
    public void reconcileCustomResource(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        delegate.reconcileCustomResource(resource, retryInfo, metadata);
    }

    @Override
    public void failedReconciliation(HasMetadata resource, Exception exception, Map<String, Object> metadata) {
        delegate.failedReconciliation(resource, exception, metadata);
    }

    @Override
    public void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
        delegate.reconciliationExecutionStarted(resource, metadata);
    }

    @Override
    public void reconciliationExecutionFinished(HasMetadata resource, Map<String, Object> metadata) {
        delegate.reconciliationExecutionFinished(resource, metadata);
    }

    @Override
    public void cleanupDoneFor(ResourceID resourceID, Map<String, Object> metadata) {
        delegate.cleanupDoneFor(resourceID, metadata);
    }

    @Override
    public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
        delegate.finishedReconciliation(resource, metadata);
    }

    @Override
    public <T extends Map<?, ?>> T monitorSizeOf(T map, String name) {
        return delegate.monitorSizeOf(map, name);
    }
}
