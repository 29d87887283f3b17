package ai.agenticlayer.runtime.metrics;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Ready only while the API server answers. The SDK's own readiness reports the informers, which count as watching
 * while they retry a lost connection; an operator that cannot reach its API server should leave the Service.
 */
@Readiness
@ApplicationScoped
public class ApiServerReadiness implements HealthCheck {

    /** The operator's client settings, with no retry and short timeouts: a probe must answer quickly. */
    private final KubernetesClient probe;

    @Inject
    ApiServerReadiness(KubernetesClient client) {
        probe = new KubernetesClientBuilder().withConfig(new ConfigBuilder(client.getConfiguration())
                .withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(2_000)
                .withRequestTimeout(3_000)
                .build()).build();
    }

    @PreDestroy
    void close() {
        probe.close();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            probe.getKubernetesVersion();
            return HealthCheckResponse.up("kubernetes-api-server");
        } catch (KubernetesClientException e) {
            // any HTTP answer (even 403 or 404) means the API server is there
            boolean answered = e.getCode() > 0;
            return HealthCheckResponse.named("kubernetes-api-server").status(answered)
                    .withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
