package ai.agenticlayer.runtime.client;

import java.time.Duration;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The one client the operator talks to the API server with: Quarkus' own (its configuration and serialization), plus
 * {@link RetryAfterInterceptor} and {@link BodyDeadlineInterceptor}. Replaces Quarkus' default client bean, which
 * offers no hook for interceptors.
 */
@Singleton
public class KubernetesClientProducer {

    /** Without a request timeout, the bound in its place: the longest {@code Retry-After} honoured, half a body's deadline. */
    private static final Duration BOUND_WITHOUT_TIMEOUT = Duration.ofMinutes(1);

    @Produces
    @Singleton
    public KubernetesClient kubernetesClient(KubernetesSerialization serialization, Config config) {
        Duration bound = config.getRequestTimeout() > 0 ? Duration.ofMillis(config.getRequestTimeout()) : BOUND_WITHOUT_TIMEOUT;
        return new KubernetesClientBuilder().withKubernetesSerialization(serialization).withConfig(config)
                .withHttpClientBuilderConsumer(http -> http
                        .addOrReplaceInterceptor(RetryAfterInterceptor.NAME, new RetryAfterInterceptor(bound))
                        // from the head: a throttled answer's body is read only after its Retry-After, up to the bound
                        .addOrReplaceInterceptor(BodyDeadlineInterceptor.NAME, new BodyDeadlineInterceptor(bound.multipliedBy(2))))
                .build();
    }

    void close(@Disposes KubernetesClient client) {
        client.close();
    }
}
