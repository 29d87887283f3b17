package ai.agenticlayer.runtime.metrics;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The SDK's reconcile metrics (operator_sdk_reconciliations_*, per controller), without its per-resource series: those
 * carry each object's name and namespace, one series per Agent, which a fleet of thousands cannot afford; plus the age
 * of the oldest reconcile in flight ({@link ReconcilesInFlight}). Produced here rather than left to the extension so
 * that the packaged application records them too.
 */
@Singleton
public class SdkMetrics {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    ReconcilesInFlight operatorMetrics(MeterRegistry registry) {
        return new ReconcilesInFlight(MicrometerMetrics.withoutPerResourceMetrics(registry), registry, System::nanoTime);
    }
}
