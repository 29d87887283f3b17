package ai.agenticlayer.runtime.local;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.Condition;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionedStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * What the operator made of the objects in a cluster, as a tree: each AgentRuntimeConfiguration, ToolServer, Agent
 * and AgenticWorkforce with its conditions, its URL and the Deployment and Service it owns.
 */
final class ClusterTree {

    private ClusterTree() {
    }

    static String of(KubernetesClient client) {
        List<Deployment> deployments = client.apps().deployments().inAnyNamespace().list().getItems();
        List<Service> services = client.services().inAnyNamespace().list().getItems();
        StringBuilder tree = new StringBuilder();
        for (AgentRuntimeConfiguration arc : sorted(client.resources(AgentRuntimeConfiguration.class).inAnyNamespace().list().getItems())) {
            object(tree, arc, null, deployments, services);
        }
        for (ToolServer toolServer : sorted(client.resources(ToolServer.class).inAnyNamespace().list().getItems())) {
            object(tree, toolServer, toolServer.getStatus() == null ? null : toolServer.getStatus().getUrl(), deployments, services);
        }
        for (Agent agent : sorted(client.resources(Agent.class).inAnyNamespace().list().getItems())) {
            object(tree, agent, agent.getStatus() == null ? null : agent.getStatus().getUrl(), deployments, services);
        }
        for (AgenticWorkforce workforce : sorted(client.resources(AgenticWorkforce.class).inAnyNamespace().list().getItems())) {
            object(tree, workforce, null, deployments, services);
            if (workforce.getStatus() != null) {
                line(tree, "agents", workforce.getStatus().getTransitiveAgents().stream()
                        .map(agent -> agent.getNamespace() != null ? agent.getNamespace() + "/" + agent.getName()
                                : agent.getName() + (agent.getUrl() == null ? "" : " (" + agent.getUrl() + ")"))
                        .collect(Collectors.joining(", ")));
                line(tree, "tools", String.join(", ", workforce.getStatus().getTransitiveTools()));
            }
        }
        return tree.toString();
    }

    private static void object(StringBuilder tree, CustomResource<?, ?> object, String url, List<Deployment> deployments,
            List<Service> services) {
        tree.append(object.getKind()).append(' ').append(name(object)).append('\n');
        if (object.getStatus() instanceof ConditionedStatus status) {
            for (Condition condition : status.getConditions()) {
                line(tree, condition.getType(), condition.getStatus().value() + " " + condition.getReason()
                        + (condition.getMessage() == null || condition.getMessage().isEmpty() ? "" : ": " + condition.getMessage()));
            }
        } else {
            line(tree, "status", "not reconciled yet");
        }
        if (url != null && !url.isEmpty()) {
            line(tree, "url", url);
        }
        for (Deployment deployment : ownedBy(object, deployments)) {
            line(tree, "Deployment", name(deployment) + "  image " + deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()
                    + ", replicas " + deployment.getSpec().getReplicas());
        }
        for (Service service : ownedBy(object, services)) {
            line(tree, "Service", name(service) + "  ports " + service.getSpec().getPorts().stream()
                    .map(port -> String.valueOf(port.getPort())).collect(Collectors.joining(", ")));
        }
    }

    private static void line(StringBuilder tree, String label, String text) {
        tree.append("  ").append(String.format("%-16s", label)).append(' ').append(text).append('\n');
    }

    private static <T extends HasMetadata> List<T> ownedBy(HasMetadata owner, List<T> children) {
        return children.stream().filter(child -> child.getMetadata().getOwnerReferences().stream()
                .anyMatch(reference -> reference.getUid().equals(owner.getMetadata().getUid()))).toList();
    }

    private static <T extends HasMetadata> List<T> sorted(List<T> objects) {
        return objects.stream().sorted(Comparator.comparing(ClusterTree::name)).toList();
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    }
}
