package ai.agenticlayer.runtime.cache;

import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;

/**
 * The SDK's informer caches answer only once started. The operator starts every controller's caches at start, on
 * standby replicas too (only reconciling waits for leadership), and starts the controllers in parallel.
 */
public final class Caches {

    private Caches() {
    }

    /** Whether {@code cache}, an informer event source of the SDK, has started (its start creates the informers). */
    public static boolean started(Object cache) {
        return cache instanceof AbstractEventSource<?, ?> source && source.isRunning();
    }
}
