package ai.agenticlayer.runtime.common;

import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;

/**
 * The SDK's informer caches answer only once started: a controller starts its caches when it starts, after it won
 * leader election, so a standby replica never does, and controllers start in parallel.
 */
public final class Caches {

    private Caches() {
    }

    /** Whether {@code cache}, an informer event source of the SDK, has started (its start creates the informers). */
    public static boolean started(Object cache) {
        return cache instanceof AbstractEventSource<?, ?> source && source.isRunning();
    }
}
