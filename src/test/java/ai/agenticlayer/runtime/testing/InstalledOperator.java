package ai.agenticlayer.runtime.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;

/**
 * The packaged operator as an install manifest (install.yaml, the rendered chart) runs it on a real API server: every
 * object of the manifest applied except the operator's Deployment (there is no kubelet), and the jar started as that
 * Deployment's pod would be: its environment, its ServiceAccount's token (so exactly the shipped RBAC applies), its
 * pod name as host name (the leader-election identity).
 */
public final class InstalledOperator {

    private final RealApiServer apiServer;
    private final Deployment deployment;

    private InstalledOperator(RealApiServer apiServer, Deployment deployment) {
        this.apiServer = apiServer;
        this.deployment = deployment;
    }

    /** The manifest users apply, {@code kubectl apply -f kubernetes/install.yaml}. */
    public static final Path SHIPPED_MANIFEST = Path.of("kubernetes", "install.yaml");
    /** The leader-election Lease, in the operator namespace. */
    public static final String LEASE = "agent-runtime-operator";

    /** As {@link #install(RealApiServer, String)}, with {@link #SHIPPED_MANIFEST}. */
    public static InstalledOperator installShippedManifest(RealApiServer apiServer) {
        try {
            return install(apiServer, Files.readString(SHIPPED_MANIFEST));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies the manifest as cluster admin; {@link #start} then runs pods of its operator Deployment. */
    public static InstalledOperator install(RealApiServer apiServer, String manifest) {
        Deployment operatorDeployment = null;
        try (KubernetesClient client = apiServer.adminClient()) {
            List<HasMetadata> objects = client.load(new ByteArrayInputStream(manifest.getBytes(StandardCharsets.UTF_8))).items();
            for (HasMetadata object : objects) {
                if (object instanceof Deployment found) {
                    operatorDeployment = found;
                } else {
                    client.resource(object).forceConflicts().serverSideApply();
                }
            }
        }
        if (operatorDeployment == null) {
            throw new IllegalArgumentException("the manifest has no operator Deployment");
        }
        return new InstalledOperator(apiServer, operatorDeployment);
    }

    /** The leader Lease the operator's replicas compete for. */
    public Resource<Lease> lease(KubernetesClient client) {
        return client.leases().inNamespace(namespace()).withName(LEASE);
    }

    /** The pod that holds the leader Lease; null when there is no Lease or no holder. */
    public String leaseHolder(KubernetesClient client) {
        Lease lease = lease(client).get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    public void awaitLeaseHolder(KubernetesClient client, String podName) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> podName.equals(leaseHolder(client)));
    }

    /** Waits until the operator has gone three seconds without a request other than its Lease renewals and watches. */
    public void awaitQuiet() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> apiServer.auditEvents().stream()
                .filter(e -> e.user().equals(user()) && !e.resource().equals("leases") && !e.verb().equals("watch"))
                .noneMatch(e -> e.receivedWithin(Duration.ofSeconds(3))));
    }

    public String namespace() {
        return deployment.getMetadata().getNamespace();
    }

    /** The pod's ServiceAccount; as in Kubernetes, the namespace's {@code default} when the Deployment names none. */
    public String serviceAccount() {
        String account = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
        return account == null ? "default" : account;
    }

    /** The user name the API server knows the operator by (in its audit log). */
    public String user() {
        return "system:serviceaccount:" + namespace() + ":" + serviceAccount();
    }

    /**
     * Starts a pod named {@code podName}: its log goes to target/packaged-operator-{@code podName}.log, and its requests
     * carry {@code podName} as user agent.
     */
    public PackagedOperator start(String podName, Map<String, String> extraProperties) {
        return start(podName, extraProperties, Map.of());
    }

    /** As {@link #start(String, Map)}, with more environment than the Deployment gives (MALLOC_ARENA_MAX, say). */
    public PackagedOperator start(String podName, Map<String, String> extraProperties, Map<String, String> extraEnv) {
        return start(podName, apiServer.url(), extraProperties, extraEnv);
    }

    /** As {@link #start(String, Map)}, running another release's jar on the JVM. */
    public PackagedOperator startJar(String podName, Path jar) {
        return start(podName, apiServer.url(), Map.of(), Map.of(), jar);
    }

    /** As {@link #start(String, Map, Map)}, reaching the API server at {@code apiServerUrl} (through a proxy, say). */
    public PackagedOperator start(String podName, String apiServerUrl, Map<String, String> extraProperties, Map<String, String> extraEnv) {
        return start(podName, apiServerUrl, extraProperties, extraEnv, null);
    }

    private PackagedOperator start(String podName, String apiServerUrl, Map<String, String> extraProperties, Map<String, String> extraEnv,
            Path jar) {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new HashMap<>();
        for (EnvVar variable : container.getEnv()) {
            env.put(variable.getName(), valueOf(variable, podName));
        }
        env.put("HOSTNAME", podName);
        env.putAll(extraEnv);
        Map<String, String> properties = new HashMap<>(extraProperties);
        // each pod is told apart in the audit log by its user agent (all of them are the same ServiceAccount)
        properties.put("kubernetes.user.agent", podName);
        String token = apiServer.serviceAccountToken(namespace(), serviceAccount());
        return jar == null ? PackagedOperator.start(podName, apiServerUrl, token, properties, env)
                : PackagedOperator.start(podName, apiServerUrl, token, properties, env, jar);
    }

    private String valueOf(EnvVar variable, String podName) {
        if (variable.getValueFrom() == null) {
            return variable.getValue() == null ? "" : variable.getValue();
        }
        String field = variable.getValueFrom().getFieldRef() == null ? null : variable.getValueFrom().getFieldRef().getFieldPath();
        if (field != null && field.startsWith("metadata.annotations['")) {
            // as the kubelet does: the pod's annotation (OLM sets olm.targetNamespaces on the pod template)
            String annotation = field.substring("metadata.annotations['".length(), field.length() - 2);
            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            return annotations == null ? "" : annotations.getOrDefault(annotation, "");
        }
        return switch (field == null ? "" : field) {
            case "metadata.namespace" -> namespace();
            case "metadata.name" -> podName;
            default -> throw new IllegalArgumentException("cannot provide env " + variable.getName() + " outside a pod");
        };
    }
}
