package ai.agenticlayer.runtime.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import ai.agenticlayer.runtime.agent.AgentPlan;
import ai.agenticlayer.runtime.agent.ReferenceLookup;
import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.children.ChildObjects;
import ai.agenticlayer.runtime.config.AgentDefaults;
import ai.agenticlayer.runtime.config.ConfigurationSelection;
import ai.agenticlayer.runtime.digest.CanonicalJson;
import ai.agenticlayer.runtime.toolserver.ToolServerChildren;
import ai.agenticlayer.runtime.workforce.WorkforceConditions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The given objects as a cluster without an API server. The kinds the operator reconciles are reconciled with the
 * operator's own decision functions, round after round until no status changes, as the operator converges through
 * its watches (an Agent resolves a sub-agent once that one reports its URL). Statuses the objects arrive with are
 * kept only for the kinds other operators reconcile (a ToolRoute's URL, say).
 */
final class OfflineCluster {

    /** The operator configuration render stands in for. */
    record Settings(String operatorNamespace, String defaultAiGatewayNamespace, AgentDefaults builtIn) {
    }

    /** Condition times are not rendered; any fixed instant will do. */
    private static final Instant NOW = Instant.EPOCH;

    private final Settings settings;
    private final List<HasMetadata> objects;
    private final ReferenceLookup lookup;
    // by identity: the objects' equality changes with their status
    private final Map<HasMetadata, List<HasMetadata>> children = new IdentityHashMap<>();

    OfflineCluster(Settings settings, List<HasMetadata> objects) {
        this.settings = settings;
        this.objects = objects;
        this.lookup = ReferenceLookup.over(objects);
    }

    /** Reconciles everything and returns, in input order, each reconciled object's children and then the object. */
    List<HasMetadata> reconcile() {
        objects.stream().filter(OfflineCluster::reconciled).forEach(OfflineCluster::clearStatus);
        for (AgentRuntimeConfiguration arc : all(AgentRuntimeConfiguration.class)) {
            arc.setStatus(ConfigurationSelection.status(arc, configurationsIn(arc.getMetadata().getNamespace()),
                    settings.operatorNamespace(), NOW));
        }
        for (ToolServer toolServer : all(ToolServer.class)) {
            // the path the operator writes into the spec for tool gateways (docs/api.md, "The ToolServer path"): a spec
            // change, so the server moves the generation
            ToolServerChildren.pathForGateways(toolServer.getSpec()).ifPresent(path -> {
                toolServer.getSpec().setPath(path);
                Long generation = toolServer.getMetadata().getGeneration();
                toolServer.getMetadata().setGeneration(generation == null ? 2 : generation + 1);
            });
            Deployment deployment = ChildObjects.ownedBy(
                    ChildObjects.withInitialReplicas(ToolServerChildren.deployment(toolServer, lookup.configSources())), toolServer);
            children.put(toolServer, List.of(deployment, ChildObjects.ownedBy(ToolServerChildren.service(toolServer), toolServer)));
            toolServer.setStatus(ToolServerChildren.status(toolServer, Optional.empty(), true, Optional.of(deployment), NOW));
        }
        List<Agent> agents = all(Agent.class);
        for (int round = 0; round <= agents.size() && reconcileAgents(agents); round++) {
            // each round lets one more link of a sub-agent chain see the URL of the next
        }
        for (AgenticWorkforce workforce : all(AgenticWorkforce.class)) {
            workforce.setStatus(WorkforceConditions.status(workforce, lookup::agent, NOW));
        }

        List<HasMetadata> rendered = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (reconciled(object)) {
                rendered.addAll(children.getOrDefault(object, List.of()));
                rendered.add(object);
            }
        }
        return rendered;
    }

    /** One reconcile of every Agent; whether any status changed. */
    private boolean reconcileAgents(List<Agent> agents) {
        boolean changed = false;
        for (Agent agent : agents) {
            String namespace = agent.getMetadata().getNamespace();
            AgentDefaults defaults = AgentDefaults.forNamespace(namespace, settings.builtIn(), settings.operatorNamespace(),
                    this::configurationsIn);
            AgentPlan plan = AgentPlan.of(agent, lookup, defaults, settings.defaultAiGatewayNamespace());
            Deployment deployment = null;
            if (plan instanceof AgentPlan.Ready ready) {
                deployment = ChildObjects.ownedBy(ChildObjects.withInitialReplicas(ready.deployment(agent)), agent);
                children.put(agent, List.of(deployment, ChildObjects.ownedBy(ready.service(agent), agent)));
            } else {
                children.remove(agent);
            }
            var status = AgentPlan.status(agent, plan, false, Optional.ofNullable(deployment), NOW);
            if (!Objects.equals(CanonicalJson.of(status), CanonicalJson.of(agent.getStatus()))) {
                agent.setStatus(status);
                changed = true;
            }
        }
        return changed;
    }

    private Collection<AgentRuntimeConfiguration> configurationsIn(String namespace) {
        return all(AgentRuntimeConfiguration.class).stream().filter(arc -> namespace.equals(arc.getMetadata().getNamespace())).toList();
    }

    private static boolean reconciled(HasMetadata object) {
        return object instanceof Agent || object instanceof ToolServer || object instanceof AgenticWorkforce
                || object instanceof AgentRuntimeConfiguration;
    }

    private static void clearStatus(HasMetadata object) {
        if (object instanceof Agent agent) {
            agent.setStatus(null);
        } else if (object instanceof ToolServer toolServer) {
            toolServer.setStatus(null);
        } else if (object instanceof AgenticWorkforce workforce) {
            workforce.setStatus(null);
        } else if (object instanceof AgentRuntimeConfiguration arc) {
            arc.setStatus(null);
        }
    }

    private <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
