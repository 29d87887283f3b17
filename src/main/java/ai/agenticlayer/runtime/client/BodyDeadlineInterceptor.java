package ai.agenticlayer.runtime.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;

/**
 * Fails a response whose body has not ended within the deadline after its head arrived. fabric8 7.3.1's Vert.x
 * client sets no exception handler on a response, so when the connection closes between the head and the end of the
 * body (an API server restart, a proxy or load balancer cutting connections), the body never completes; its request
 * timeout covers only the head, and a synchronous call waits forever. In a dependent resource that held the owner's
 * reconcile for good, since the SDK never runs two reconciles of one object at once. Failed instead, the request ends
 * in the reconcile's error and the SDK's retry.
 * <p>
 * Streaming requests (watches, logs) are left alone: their bodies are meant to stay open.
 */
final class BodyDeadlineInterceptor implements Interceptor {

    static final String NAME = "body-deadline";

    private final Duration deadline;

    BodyDeadlineInterceptor(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        if (request instanceof StandardHttpRequest standard && standard.isForStreaming()
                || !(response.body() instanceof AsyncBody body)) {
            return;
        }
        CompletableFuture<Void> done = body.done();
        ScheduledFuture<?> timer = Timers.SHARED.schedule(() -> {
            if (done.completeExceptionally(new IOException("The response to " + request.method() + " " + request.uri().getPath()
                    + " stopped: its body did not end within " + deadline.toSeconds() + " s of its head (connection lost?)"))) {
                body.cancel(); // resets the stream, so that its connection is not reused
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((ignored, failure) -> timer.cancel(false));
    }

    /**
     * The deadlines of every client, on one thread of their own, started with the first deadline and never stopped: a
     * thread per interceptor would outlive each client closed without telling it. A cancelled {@link ScheduledFuture}
     * is dropped quietly, where cancelling the {@link CompletableFuture} of fabric8's scheduler made two exceptions
     * with stack traces on every response.
     */
    private static final class Timers {

        static final ScheduledThreadPoolExecutor SHARED = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "body-deadline");
            thread.setDaemon(true);
            return thread;
        });

        static {
            SHARED.setRemoveOnCancelPolicy(true);
        }
    }
}
