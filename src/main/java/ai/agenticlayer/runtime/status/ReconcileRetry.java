package ai.agenticlayer.runtime.status;

/**
 * How every controller retries a failed reconcile: exponentially from one second, doubling up to one minute, and never
 * giving up. The SDK's default gives up after five attempts (about 30 s of failures) and then waits for the next change
 * or its ten-hour resync: an API server outage, a revoked permission or a webhook that is down for a minute would leave
 * objects unconverged long after it ended. Capped at a minute, an object converges at most a minute after the cause
 * went away, and a fleet that keeps failing costs one reconcile per object per minute. Each controller's values can be
 * changed at run time with {@code quarkus.operator-sdk.controllers.<name>.retry.*} (docs/operations.md).
 */
public final class ReconcileRetry {

    /** No limit on attempts (the SDK's {@code -1}). */
    public static final int UNLIMITED_ATTEMPTS = -1;
    public static final long INITIAL_INTERVAL_MILLIS = 1_000;
    public static final double INTERVAL_MULTIPLIER = 2;
    public static final long MAX_INTERVAL_MILLIS = 60_000;

    private ReconcileRetry() {
    }
}
