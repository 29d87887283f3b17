package ai.agenticlayer.runtime.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;

class ReconcileFailuresTest {

    private static KubernetesClientException refused(int code, String message) {
        return new KubernetesClientException("Failure executing: PATCH at: https://api/apis/apps/v1/namespaces/a/deployments/x.\n"
                + "Message: " + message + ". Received status: Status(...)", code,
                new StatusBuilder().withCode(code).withMessage(message).build());
    }

    @Test
    void aWorkflowFailureIsWhatTheApiServerSaidPerChildOnOneLine() {
        Map<String, Exception> children = new LinkedHashMap<>();
        children.put("ai.agenticlayer.runtime.agent.AgentDeploymentResource",
                refused(403, "deployments.apps \"x\" is forbidden: cannot set blockOwnerDeletion"));
        children.put("ai.agenticlayer.runtime.agent.AgentServiceResource", new IllegalStateException("wrapped", refused(503, "etcd\nleader changed")));

        AggregatedOperatorException workflowFailure = new AggregatedOperatorException("Exception(s) during workflow execution.", children);
        // as the SDK hands it to updateErrorStatus
        String described = ReconcileFailures.describe(new OperatorException(workflowFailure));

        assertThat(described).isEqualTo("AgentDeploymentResource: deployments.apps \"x\" is forbidden: cannot set blockOwnerDeletion (403); "
                + "AgentServiceResource: etcd leader changed (503)");
    }

    @Test
    void aFailureWithoutAnAnswerNamesItsRootCause() {
        KubernetesClientException noAnswer = new KubernetesClientException("An error has occurred.", new IOException("Connection reset"));

        assertThat(ReconcileFailures.describe(noAnswer)).isEqualTo("An error has occurred. (IOException: Connection reset)");
        assertThat(ReconcileFailures.describe(new IllegalArgumentException("bad\n  input"))).isEqualTo("bad input");
    }

    @Test
    void aFailureWithoutAMessageIsNamedByItsType() {
        // as fabric8 reports a request whose answer did not come in time
        KubernetesClientException timedOut = new KubernetesClientException(null, new TimeoutException());

        assertThat(ReconcileFailures.describe(timedOut)).isEqualTo("KubernetesClientException (TimeoutException)");
        assertThat(ReconcileFailures.describe(new TimeoutException())).isEqualTo("TimeoutException");
    }
}
