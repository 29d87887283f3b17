package ai.agenticlayer.runtime.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;

/**
 * Makes the client wait at least as long as a 429 or 5xx asks in {@code Retry-After} before it retries. fabric8 7.3.1
 * reads the header and computes the longer delay, but then schedules its own backoff (100 ms, 200 ms, ...) instead
 * (fabric8io/kubernetes-client#6366), so a throttled operator came back early and was throttled again. Holding the
 * failed response for that long before fabric8's retry sees it gives the server its pause; fabric8's own backoff then
 * comes on top. The wait stays under the request timeout, which a retry attempt must also finish within.
 */
final class RetryAfterInterceptor implements Interceptor {

    static final String NAME = "retry-after";

    private final Duration longestWait;

    RetryAfterInterceptor(Duration longestWait) {
        this.longestWait = longestWait;
    }

    @Override
    public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
        Duration wait = waitBeforeRetry(response.code(), response.header("Retry-After"), longestWait);
        if (wait.isZero()) {
            return CompletableFuture.completedFuture(false);
        }
        // false: fabric8's own retry sends the request again, once this future completes
        return CompletableFuture.supplyAsync(() -> false, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * How long a response with this status and {@code Retry-After} value asks to wait: zero unless the status is one
     * fabric8 retries and the header gives whole seconds (as the API server sends it), at most {@code longestWait}.
     */
    static Duration waitBeforeRetry(int status, String retryAfter, Duration longestWait) {
        if ((status != 429 && status < 500) || retryAfter == null) {
            return Duration.ZERO;
        }
        try {
            long seconds = Long.parseLong(retryAfter.trim());
            return seconds <= 0 ? Duration.ZERO : min(Duration.ofSeconds(seconds), longestWait);
        } catch (NumberFormatException notSeconds) {
            return Duration.ZERO;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
