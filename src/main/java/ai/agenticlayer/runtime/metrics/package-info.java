/**
 * Prometheus metrics beyond Quarkus' own: the fleet by condition, reference failures, reconciles in flight, and the
 * readiness check that follows the API server. Reads the informer caches ({@code cache}) and conditions
 * ({@code status}); knows no feature package, which hands it what to count (the kinds of reference, say) as plain
 * values.
 */
package ai.agenticlayer.runtime.metrics;
