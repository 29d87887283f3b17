package ai.agenticlayer.runtime.packaging;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ai.agenticlayer.runtime.api.Manifests;
import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledOperator;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer;
import ai.agenticlayer.runtime.testing.RealApiServer.AuditEvent;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The OLM bundle's install strategy, carried out on a real kube-apiserver as OLM carries it out in AllNamespaces mode:
 * the ServiceAccount its permissions name, a ClusterRole and a Role (in the install namespace) with exactly the CSV's
 * rules, and the CSV's Deployment with the {@code olm.targetNamespaces} annotation OLM puts on its pods. The operator
 * must lead and reconcile with that and nothing more.
 */
@RunsPackagedOperator
class OlmInstallIT {

    private static final String NAMESPACE = "operators";

    @Test
    void theCsvsDeploymentAndPermissionsRunTheOperator() throws IOException {
        try (RealApiServer apiServer = RealApiServer.withCrds("olm-install"); KubernetesClient client = apiServer.adminClient()) {
            Cluster.namespace(client, NAMESPACE);
            // what kube-controller-manager gives every namespace
            client.serviceAccounts().inNamespace(NAMESPACE).resource(new io.fabric8.kubernetes.api.model.ServiceAccountBuilder()
                    .withNewMetadata().withName("default").endMetadata().build()).create();
            InstalledOperator installed = InstalledOperator.install(apiServer, asOlmInstallsIt(csv()));
            int mark = apiServer.auditMark();
            try (PackagedOperator operator = installed.start("operator-olm", Map.of()).awaitReady()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    Lease lease = client.leases().inNamespace(NAMESPACE).withName("agent-runtime-operator").get();
                    return lease != null && "operator-olm".equals(lease.getSpec().getHolderIdentity());
                });
                Cluster.namespace(client, "olm-team");
                Cluster.createAgent(client, "olm-team", "bundled", "{}");
                awaitUntil(client, Agent.class, "olm-team", "bundled", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
                assertThat(apiServer.auditEvents(installed.user(), mark, e -> e.code() == 403)).extracting(AuditEvent::toString)
                        .as("refused requests").isEmpty();
            }
        }
    }

    private static JsonNode csv() throws IOException {
        try (Stream<Path> files = Files.list(Packaging.BUNDLE.resolve("manifests"))) {
            Path csv = files.filter(f -> f.toString().endsWith(".clusterserviceversion.yaml")).findFirst().orElseThrow();
            return Manifests.YAML.readTree(Files.readString(csv));
        }
    }

    /** The objects OLM creates for a CSV's install strategy in AllNamespaces mode, as one YAML stream. */
    private static String asOlmInstallsIt(JsonNode csv) throws IOException {
        JsonNode strategy = csv.path("spec").path("install").path("spec");
        List<JsonNode> objects = new ArrayList<>();
        String account = strategy.path("clusterPermissions").get(0).path("serviceAccountName").asText();
        objects.add(Manifests.parse("{apiVersion: v1, kind: ServiceAccount, metadata: {name: %s, namespace: %s}}".formatted(account, NAMESPACE)));
        objects.add(role("ClusterRole", "olm-cluster", strategy.path("clusterPermissions").get(0).path("rules")));
        objects.add(binding("ClusterRoleBinding", "olm-cluster", account));
        objects.add(role("Role", "olm-namespace", strategy.path("permissions").get(0).path("rules")));
        objects.add(binding("RoleBinding", "olm-namespace", account));
        JsonNode deployment = strategy.path("deployments").get(0);
        ObjectNode spec = deployment.path("spec").deepCopy();
        ObjectNode template = (ObjectNode) spec.path("template");
        ObjectNode podMetadata = template.has("metadata") ? (ObjectNode) template.get("metadata") : template.putObject("metadata");
        ObjectNode annotations = podMetadata.has("annotations") ? (ObjectNode) podMetadata.get("annotations")
                : podMetadata.putObject("annotations");
        annotations.put("olm.targetNamespaces", ""); // AllNamespaces
        ObjectNode object = Manifests.parse("{apiVersion: apps/v1, kind: Deployment, metadata: {name: %s, namespace: %s}}"
                .formatted(deployment.path("name").asText(), NAMESPACE));
        object.set("spec", spec);
        objects.add(object);
        StringBuilder yaml = new StringBuilder();
        for (JsonNode node : objects) {
            yaml.append("---\n").append(Manifests.YAML.writeValueAsString(node));
        }
        return yaml.toString();
    }

    private static JsonNode role(String kind, String name, JsonNode rules) {
        ObjectNode role = Manifests.parse("{apiVersion: rbac.authorization.k8s.io/v1, kind: %s, metadata: {name: %s}}".formatted(kind, name));
        if (kind.equals("Role")) {
            ((ObjectNode) role.path("metadata")).put("namespace", NAMESPACE);
        }
        role.set("rules", rules);
        return role;
    }

    private static JsonNode binding(String kind, String role, String account) {
        String roleKind = kind.equals("RoleBinding") ? "Role" : "ClusterRole";
        String namespace = kind.equals("RoleBinding") ? ", namespace: " + NAMESPACE : "";
        return Manifests.parse("""
                {apiVersion: rbac.authorization.k8s.io/v1, kind: %s, metadata: {name: %s%s},
                 roleRef: {apiGroup: rbac.authorization.k8s.io, kind: %s, name: %s},
                 subjects: [{kind: ServiceAccount, name: %s, namespace: %s}]}
                """.formatted(kind, role, namespace, roleKind, role, account, NAMESPACE));
    }
}
