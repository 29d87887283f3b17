package ai.agenticlayer.runtime.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ApiKinds;
import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ObservedStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Test helpers on the mock API server: create objects, wait for what the operator does, count its writes. */
public final class Cluster {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Cluster() {
    }

    public static <T extends HasMetadata> T create(KubernetesClient client, T resource) {
        return client.resource(resource).create();
    }

    /** Creates the object a YAML document describes: a kind of this API or a built-in kind. */
    public static HasMetadata create(KubernetesClient client, String yaml) {
        return client.resource(parse(yaml)).create();
    }

    /** Creates the namespace unless it exists (a real API server, unlike the mock, needs it before objects in it). */
    public static void namespace(KubernetesClient client, String name) {
        client.resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .serverSideApply();
    }

    /** Creates an Agent with the given spec, written as YAML flow ({@code "{}"}, {@code "{framework: msaf}"}). */
    public static Agent createAgent(KubernetesClient client, String namespace, String name, String spec) {
        return (Agent) create(client, "apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: Agent\nmetadata: {name: " + name
                + ", namespace: " + namespace + "}\nspec: " + spec);
    }

    public static HasMetadata parse(String yaml) {
        HasMetadata generic = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        return ApiKinds.forKind(generic.getApiVersion(), generic.getKind())
                .<HasMetadata> map(type -> Serialization.unmarshal(yaml, type))
                .orElseGet(() -> Serialization.unmarshal(yaml));
    }

    /**
     * Changes the newest version of an object, as {@code kubectl edit} does: the operator writes status all the time,
     * so a change made to an older copy would fail on its resourceVersion.
     */
    public static <T extends HasMetadata> T edit(KubernetesClient client, Class<T> type, String namespace, String name,
            Consumer<T> change) {
        for (int attempt = 1;; attempt++) {
            T current = client.resources(type).inNamespace(namespace).withName(name).get();
            change.accept(current);
            try {
                return client.resource(current).update();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** Waits until the object exists and satisfies the predicate, and returns it. */
    public static <T extends HasMetadata> T awaitUntil(KubernetesClient client, Class<T> type, String namespace, String name,
            Predicate<T> predicate) {
        return awaitUntil(client, type, namespace, name, predicate, TIMEOUT);
    }

    /** As {@link #awaitUntil(KubernetesClient, Class, String, String, Predicate)}, waiting at most {@code timeout}. */
    public static <T extends HasMetadata> T awaitUntil(KubernetesClient client, Class<T> type, String namespace, String name,
            Predicate<T> predicate, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> client.resources(type).inNamespace(namespace).withName(name).get(),
                        resource -> resource != null && predicate.test(resource));
    }

    public static <T extends HasMetadata> T awaitExists(KubernetesClient client, Class<T> type, String namespace, String name) {
        return awaitUntil(client, type, namespace, name, r -> true);
    }

    public static Optional<Condition> condition(ObservedStatus status, String type) {
        return status == null || status.getConditions() == null ? Optional.empty()
                : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean hasCondition(ObservedStatus status, String type, ConditionStatus value, String reason) {
        return condition(status, type).filter(c -> c.getStatus() == value && reason.equals(c.getReason())).isPresent();
    }

    /** Requests received so far that write (anything but GET), optionally restricted to paths containing a fragment. */
    public static List<ApplyingCrudDispatcher.Request> writesSince(int mark, String pathFragment) {
        List<ApplyingCrudDispatcher.Request> requests = MockApiServer.dispatcher().requests();
        return requests.subList(mark, requests.size()).stream()
                .filter(ApplyingCrudDispatcher.Request::isWrite)
                .filter(r -> r.path().contains(pathFragment))
                .toList();
    }

    /** Gives the operator time to react to what just happened (or to show that it does not). */
    public static void settle() {
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
    }

    public static int mark() {
        return MockApiServer.dispatcher().requests().size();
    }
}
