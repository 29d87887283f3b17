package ai.agenticlayer.runtime.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;

/**
 * One log line per distinct reconcile failure of an object, not one per retry: retries never stop (see
 * {@link ReconcileRetry}), so a failure that lasts an hour would otherwise log every minute, and the SDK's own line
 * per attempt (with its stack trace) is off (application.properties). Each attempt is still logged at DEBUG.
 */
public final class ReconcileFailures {

    private static final int MAX_OBJECTS = 4096;
    /** The last failure logged per object; bounded, since a forgotten one only costs one more line. */
    private static final Map<String, String> LAST_LOGGED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_OBJECTS;
        }
    };

    private ReconcileFailures() {
    }

    public static void log(Logger log, HasMetadata resource, Exception failure) {
        var metadata = resource.getMetadata();
        String message = describe(failure);
        String previous;
        synchronized (LAST_LOGGED) {
            previous = LAST_LOGGED.put(metadata.getUid(), message);
        }
        if (Objects.equals(previous, message)) {
            log.debugf(failure, "%s %s/%s: reconcile failed again, will retry: %s", resource.getKind(), metadata.getNamespace(),
                    metadata.getName(), message);
        } else {
            log.warnf("%s %s/%s: reconcile failed, will retry: %s", resource.getKind(), metadata.getNamespace(), metadata.getName(),
                    message);
            log.debug("The failure's stack trace", failure);
        }
    }

    /**
     * The failure in one line, as a condition message and a log line show it: what the API server said for each child
     * that failed ({@code AgentDeploymentResource: deployments.apps "x" is forbidden: ... (403)}), not the SDK's
     * multi-line summary with the request URL and every cause.
     */
    public static String describe(Throwable failure) {
        // the SDK hands the workflow's failure over wrapped (an OperatorException whose message is its toString)
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AggregatedOperatorException aggregated && !aggregated.getAggregatedExceptions().isEmpty()) {
                return aggregated.getAggregatedExceptions().entrySet().stream()
                        .map(child -> simpleName(child.getKey()) + ": " + describe(child.getValue()))
                        .collect(Collectors.joining("; "));
            }
        }
        Throwable cause = failure;
        while (!(cause instanceof KubernetesClientException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message;
        if (cause instanceof KubernetesClientException client && client.getStatus() != null && client.getStatus().getMessage() != null) {
            message = client.getStatus().getMessage() + " (" + client.getCode() + ")";
        } else {
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            // a timeout has no message: its type says what happened
            String own = Objects.toString(failure.getMessage(), failure.getClass().getSimpleName());
            message = root == failure ? own
                    : own + " (" + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
        }
        return message.replaceAll("\\s*\\R\\s*", " ");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
