package ai.agenticlayer.runtime.differential;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Manifests;
import ai.agenticlayer.runtime.testing.InstalledOperator;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer;
import ai.agenticlayer.runtime.testing.RealApiServer.AuditEvent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * A live migration from the original operator and back, on one real API server. The original (its CRDs, RBAC and
 * webhooks) converges the corpus and the original's samples; it is stopped as an upgrade stops it (SIGTERM, its
 * webhook configurations removed), and ours is installed over it with its shipped manifest and CRDs. Counted, per
 * child, from the audit log: the requests ours sends and whether the pod template changed. Then the way back: ours
 * stopped, the original started again over what ours wrote. The figures are README's (Migrating).
 */
class MigrationIT {

    /**
     * What ours changes in a pod template the original wrote (README, Migrating): the hardened container, and the hash
     * of the ConfigMaps and Secrets the pod reads, where it reads any.
     */
    private static final Set<String> TEMPLATE_CHANGES = Set.of("metadata.annotations.runtime.agentic-layer.ai/config-hash",
            "spec.containers[*].securityContext.allowPrivilegeEscalation",
            "spec.containers[*].securityContext.capabilities.drop",
            "spec.containers[*].securityContext.seccompProfile.type");

    @Test
    void fromTheOriginalToOursAndBackWithoutConflictsOrErrors() throws IOException {
        List<JsonNode> inputs = new ArrayList<>(Manifests.documentsOf(DifferentialIT.CORPUS));
        for (String sample : List.of("runtime_v1alpha1_agent.yaml", "runtime_v1alpha1_toolserver.yaml")) {
            inputs.addAll(Manifests.documentsOf(Original.HOME.resolve("samples/agent-runtime-operator").resolve(sample)));
        }
        inputs.sort((a, b) -> Boolean.compare(!Manifests.kindOf(a).equals("Namespace"), !Manifests.kindOf(b).equals("Namespace")));
        try (RealApiServer server = RealApiServer.start("migration"); KubernetesClient client = server.adminClient()) {
            Original.install(server);
            Original original = Original.start(server, "migration");
            DifferentialIT.apply(server, inputs, new TreeMap<>());
            DifferentialIT.awaitConverged(server, Original.USER);
            Map<String, Deployment> fromOriginal = deployments(client);
            original.stop(server);

            int upgrade = server.auditMark();
            for (Path crd : Manifests.yamlFilesIn(Manifests.CRDS)) {
                client.load(Files.newInputStream(crd)).items().forEach(o -> client.resource(o).forceConflicts().serverSideApply());
            }
            InstalledOperator installed = InstalledOperator.installShippedManifest(server);
            Map<String, Deployment> fromOurs;
            List<AuditEvent> oursWrote;
            try (PackagedOperator ours = installed.start("migration", Map.of()).awaitReady()) {
                DifferentialIT.awaitConverged(server, installed.user());
                fromOurs = deployments(client);
                oursWrote = server.auditEvents(installed.user(), upgrade, e -> e.isWrite()
                        && Set.of("deployments", "services").contains(e.resource()));
            }

            Map<String, List<String>> requestsPerChild = new TreeMap<>();
            oursWrote.forEach(e -> requestsPerChild.computeIfAbsent(e.resource() + " " + e.namespace() + "/" + e.name(),
                    k -> new ArrayList<>()).add(e.verb() + " " + e.code()));
            Set<String> templateChanges = new TreeSet<>();
            int rolled = 0;
            for (Map.Entry<String, Deployment> before : fromOriginal.entrySet()) {
                Map<String, String> a = Results.leaves(template(before.getValue()));
                Map<String, String> b = Results.leaves(template(fromOurs.get(before.getKey())));
                Set<String> changed = new TreeSet<>(a.keySet());
                changed.addAll(b.keySet());
                changed.removeIf(leaf -> java.util.Objects.equals(a.get(leaf), b.get(leaf)));
                changed.forEach(leaf -> templateChanges.add(leaf.replaceAll("\\[[^]]+]", "[*]")));
                rolled += changed.isEmpty() ? 0 : 1;
            }
            long conflicts = oursWrote.stream().filter(e -> e.code() == 409).count();
            String figures = ("migration to ours: %d Deployments and %d Services; %d requests (%d refused with 409), "
                    + "%d pod templates changed: %s%nper child: %s").formatted(fromOriginal.size(),
                            requestsPerChild.keySet().stream().filter(k -> k.startsWith("services")).count(),
                            oursWrote.size(), conflicts, rolled, templateChanges, requestsPerChild);
            System.out.println(figures);

            assertThat(fromOurs.keySet()).isEqualTo(fromOriginal.keySet());
            assertThat(templateChanges).as("what ours changes in the original's pod templates").isEqualTo(TEMPLATE_CHANGES);
            assertThat(requestsPerChild.values()).as("each child taken over with one apply, after at most one "
                    + "create refused because the child exists").allSatisfy(requests -> assertThat(requests)
                    .hasSizeLessThanOrEqualTo(2).last().matches(last -> last.endsWith(" 200") || last.endsWith(" 201")));

            int back = server.auditMark();
            Original again = Original.start(server, "migration-back");
            DifferentialIT.awaitConverged(server, Original.USER);
            List<AuditEvent> originalWrote = server.auditEvents(Original.USER, back, AuditEvent::isWrite);
            again.stop(server);
            Map<String, Deployment> afterWayBack = deployments(client);
            long restored = fromOriginal.keySet().stream().filter(name -> Results.leaves(template(fromOriginal.get(name)))
                    .equals(Results.leaves(template(afterWayBack.get(name))))).count();
            final Map<String, Deployment> oursLeft = fromOurs;
            long kept = fromOriginal.keySet().stream().filter(name -> Results.leaves(template(oursLeft.get(name)))
                    .equals(Results.leaves(template(afterWayBack.get(name))))).count();
            System.out.printf("way back: the original sent %d writes, %d refused (its own status conflicts); of %d pod "
                    + "templates, %d are its own again and %d as ours left them%n", originalWrote.size(),
                    originalWrote.stream().filter(e -> e.code() >= 400).count(), fromOriginal.size(), restored, kept);
            // its status updates may meet its own earlier ones (409): it reads the object again and retries, as always
            assertThat(originalWrote).as("the original's writes over what ours wrote").allSatisfy(e ->
                    assertThat(e.code() < 400 || e.code() == 409 && e.uri().contains("/status")).as(e.toString()).isTrue());
            assertThat(errors(again.log())).as("errors the original logs after the way back, beyond the bad references "
                    + "of the corpus it reported before the migration and its own status conflicts")
                    .isSubsetOf(errors(original.log()));
        }
    }

    /** The errors a log of the original reports, without the ids that make each line unique. */
    private static Set<String> errors(String log) {
        Set<String> errors = new TreeSet<>();
        log.lines().filter(line -> line.contains("\tERROR\t") && !line.contains("Operation cannot be fulfilled"))
                .forEach(line -> {
                    java.util.regex.Matcher error = java.util.regex.Pattern.compile("\"error\": \"([^\"]*)").matcher(line);
                    errors.add(error.find() ? error.group(1) : line.replaceAll("\\{.*", ""));
                });
        return errors;
    }

    private static Map<String, Deployment> deployments(KubernetesClient client) {
        Map<String, Deployment> deployments = new TreeMap<>();
        client.apps().deployments().inAnyNamespace().list().getItems().forEach(d -> deployments.put(
                d.getMetadata().getNamespace() + "/" + d.getMetadata().getName(), d));
        return deployments;
    }

    private static JsonNode template(Deployment deployment) {
        return Serialization.jsonMapper().valueToTree(deployment.getSpec().getTemplate());
    }
}
