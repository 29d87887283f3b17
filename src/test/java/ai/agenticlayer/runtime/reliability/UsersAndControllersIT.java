package ai.agenticlayer.runtime.reliability;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRoute;
import ai.agenticlayer.runtime.api.v1alpha1.ToolRouteStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledCluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer.AuditEvent;
import ai.agenticlayer.runtime.workforce.WorkforceConditions;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * People and other controllers changing what the operator owns, on a real API server: each change is answered with
 * what it takes to put the operator's fields back, fields others own are left to them, and the operator never enters a
 * write loop with another writer. Writes are counted in the API server's audit log.
 */
class UsersAndControllersIT {

    @RegisterExtension
    static final InstalledCluster cluster = InstalledCluster.named("users-and-controllers");

    private static final String TEMPLATE_IMAGE = "ghcr.io/agentic-layer/agent-template-adk:0.8.0";

    private static PackagedOperator operator;

    @BeforeAll
    static void start() {
        operator = cluster.installed().start("operator-contested", Map.of()).awaitReady();
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
    }

    @Test
    void aHandEditedDeploymentGetsTheOperatorsFieldsBackInOneWriteAndKeepsTheEditorsOwnFields() {
        String namespace = "edited";
        Cluster.namespace(cluster.client(), namespace);
        Cluster.createAgent(cluster.client(), namespace, "agent", "{}");
        awaitReady(namespace, "agent");
        cluster.installed().awaitQuiet();

        int mark = cluster.apiServer().auditMark();
        try (KubernetesClient kubectl = cluster.apiServer().adminClient("kubectl-edit")) {
            kubectl.apps().deployments().inNamespace(namespace).withName("agent").edit(deployment -> {
                deployment.getSpec().setReplicas(5);
                var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
                container.setImage("nginx:hand-edited");
                container.getEnv().add(new EnvVar("ADDED_BY_HAND", "yes", null));
                return deployment;
            });
        }
        Deployment reverted = awaitUntil(cluster.client(), Deployment.class, namespace, "agent",
                d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().equals(TEMPLATE_IMAGE));
        cluster.installed().awaitQuiet();

        var container = cluster.client().apps().deployments().inNamespace(namespace).withName("agent").get().getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        assertThat(container.getEnv()).as("a variable the editor added is the editor's").extracting(EnvVar::getName).contains("ADDED_BY_HAND");
        assertThat(reverted.getSpec().getReplicas()).as("replicas the Agent does not set are left to others (an HPA, say)").isEqualTo(5);
        assertThat(operatorWrites(mark, namespace, "deployments", "agent")).as("writes to put the image back").hasSize(1);
    }

    @Test
    void aDeploymentStrippedOfItsLabelsOrDeletedIsTakenBackOrCreatedAgain() {
        String namespace = "stripped";
        Cluster.namespace(cluster.client(), namespace);
        Cluster.createAgent(cluster.client(), namespace, "agent", "{}");
        awaitReady(namespace, "agent");
        cluster.installed().awaitQuiet();

        int mark = cluster.apiServer().auditMark();
        cluster.client().apps().deployments().inNamespace(namespace).withName("agent").edit(deployment -> {
            deployment.getMetadata().setLabels(Map.of());
            return deployment;
        });
        awaitUntil(cluster.client(), Deployment.class, namespace, "agent", d -> d.getMetadata().getLabels() != null
                && "agent-runtime-operator".equals(d.getMetadata().getLabels().get("app.kubernetes.io/managed-by")));
        cluster.installed().awaitQuiet();
        // out of the label-filtered cache, it looks absent: a create that the API server refuses, then one apply
        assertThat(operatorWrites(mark, namespace, "deployments", "agent")).filteredOn(e -> e.code() < 400).hasSize(1);
        assertThat(operatorWrites(mark, namespace, "deployments", "agent")).hasSizeLessThanOrEqualTo(2);

        int deleted = cluster.apiServer().auditMark();
        cluster.client().apps().deployments().inNamespace(namespace).withName("agent").withTimeout(20, TimeUnit.SECONDS).delete();
        Cluster.awaitExists(cluster.client(), Deployment.class, namespace, "agent");
        cluster.installed().awaitQuiet();
        assertThat(operatorWrites(deleted, namespace, "deployments", "agent")).extracting(AuditEvent::verb).containsExactly("patch");
        awaitReady(namespace, "agent");
    }

    @Test
    void anotherFieldManagerForcingAFieldTheOperatorOwnsIsAnsweredOnceNotInALoop() {
        String namespace = "contested";
        Cluster.namespace(cluster.client(), namespace);
        Cluster.createAgent(cluster.client(), namespace, "agent", "{}");
        awaitReady(namespace, "agent");
        cluster.installed().awaitQuiet();

        int mark = cluster.apiServer().auditMark();
        try (KubernetesClient other = cluster.apiServer().adminClient("other-controller")) {
            other.resource(Cluster.parse("""
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: agent, namespace: contested}
                    spec:
                      template:
                        spec: {containers: [{name: agent, image: 'example.com/forced:1'}]}
                    """)).fieldManager("other-controller").forceConflicts().serverSideApply();
        }
        awaitUntil(cluster.client(), Deployment.class, namespace, "agent",
                d -> d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage().equals(TEMPLATE_IMAGE));
        cluster.installed().awaitQuiet();
        assertThat(operatorWrites(mark, namespace, "deployments", "agent")).as("the operator's answer").hasSize(1);
        List<AuditEvent> requests = cluster.apiServer().auditEvents();
        assertThat(requests.subList(mark, requests.size())).filteredOn(e -> e.isWrite()
                && e.resource().equals("deployments") && e.namespace().equals(namespace)).as("writes by both").hasSize(2);
    }

    @Test
    void aToolServerThatFlapsEndsWithTheRightStatusAndOneEventAndLogLinePerDistinctProblem() {
        String namespace = "flapping";
        Cluster.namespace(cluster.client(), namespace);
        Cluster.createAgent(cluster.client(), namespace, "agent", "{tools: [{name: files, upstream: {toolServerRef: {name: tools}}}]}");
        awaitUntil(cluster.client(), Agent.class, namespace, "agent", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE,
                "ReconciliationFailed"));

        int mark = cluster.apiServer().auditMark();
        PackagedOperator.Memory before = operator.memory();
        String toolServer = """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: tools, namespace: flapping}
                spec: {image: 'mcp/filesystem:1.0'}
                """;
        int flaps = Soak.times(50);
        for (int flap = 0; flap < flaps; flap++) {
            Cluster.create(cluster.client(), toolServer);
            cluster.client().resources(ToolServer.class).inNamespace(namespace).withName("tools").withTimeout(20, TimeUnit.SECONDS).delete();
        }
        cluster.installed().awaitQuiet();
        awaitUntil(cluster.client(), Agent.class, namespace, "agent", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE,
                "ReconciliationFailed"));
        Cluster.create(cluster.client(), toolServer);
        awaitReady(namespace, "agent");
        cluster.installed().awaitQuiet();

        // two distinct problems: the ToolServer is missing; it exists but has no URL yet
        assertFollowedWithoutFloodingTheApiServerOrTheLog(namespace, mark, flaps, 2, before);
    }

    /**
     * A ToolRoute (reconciled by a ToolGateway implementation, which sets its URL) deleted and created again in a row:
     * the Agent that routes a tool through it ends with the route's URL, and was told once per distinct problem.
     */
    @Test
    void aToolRouteThatFlapsEndsWithItsUrlInTheAgentAndOneEventAndLogLinePerDistinctProblem() {
        String namespace = "flapping-route";
        Cluster.namespace(cluster.client(), namespace);
        Cluster.createAgent(cluster.client(), namespace, "agent", "{tools: [{name: news, upstream: {toolRouteRef: {name: route}}}]}");
        awaitUntil(cluster.client(), Agent.class, namespace, "agent", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE,
                "ReconciliationFailed"));

        int mark = cluster.apiServer().auditMark();
        PackagedOperator.Memory before = operator.memory();
        String url = "http://tool-gateway.tool-gateway.svc.cluster.local/flapping-route/route/mcp";
        int flaps = Soak.times(50);
        for (int flap = 0; flap < flaps; flap++) {
            createRouteWithUrl(namespace, url);
            cluster.client().resources(ToolRoute.class).inNamespace(namespace).withName("route").withTimeout(20, TimeUnit.SECONDS).delete();
        }
        cluster.installed().awaitQuiet();
        awaitUntil(cluster.client(), Agent.class, namespace, "agent", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE,
                "ReconciliationFailed"));
        createRouteWithUrl(namespace, url);
        awaitReady(namespace, "agent");
        cluster.installed().awaitQuiet();

        Deployment agent = cluster.client().apps().deployments().inNamespace(namespace).withName("agent").get();
        assertThat(agent.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()).filteredOn(env -> env.getName().equals("AGENT_TOOLS"))
                .singleElement().extracting(EnvVar::getValue).isEqualTo("{\"news\":{\"url\":\"" + url + "\"}}");
        // two distinct problems: the route is missing; it exists but its implementation has not set its URL yet
        assertFollowedWithoutFloodingTheApiServerOrTheLog(namespace, mark, flaps, 2, before);
    }

    /** The route, and then its URL, as a ToolGateway implementation would set it. */
    private static void createRouteWithUrl(String namespace, String url) {
        ToolRoute route = (ToolRoute) Cluster.create(cluster.client(), """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolRoute
                metadata: {name: route, namespace: %s}
                spec: {upstream: {external: {url: 'https://mcp.example.com/mcp'}}}
                """.formatted(namespace));
        route.setStatus(new ToolRouteStatus());
        route.getStatus().setUrl(url);
        cluster.client().resource(route).updateStatus();
    }

    /**
     * After a reference flapped {@code flaps} times, the Agent {@code agent} got at most a status write per change the
     * operator can see (each flap has three: present without a URL, with its URL, absent), and one to {@code problems}
     * Warning Events (one per distinct problem, repeats counted on it) and log lines: the reference was missing before
     * it flapped.
     */
    private static void assertFollowedWithoutFloodingTheApiServerOrTheLog(String namespace, int mark, int flaps, int problems,
            PackagedOperator.Memory before) {
        cluster.installed().awaitQuiet(); // Events are written in the background, after the status
        List<AuditEvent> agentStatusWrites = operatorWrites(mark, namespace, "agents/status", "agent");
        List<Event> warnings = cluster.client().resources(Event.class).inNamespace(namespace).list().getItems().stream()
                .filter(e -> e.getRegarding().getKind().equals("Agent") && e.getRegarding().getName().equals("agent")
                        && e.getType().equals("Warning")).toList();
        System.out.printf("%s: %d flaps, %d status writes, %d Warning Events (series counts %s); memory before: %s, after: %s%n", namespace, flaps,
                agentStatusWrites.size(), warnings.size(), warnings.stream().map(e -> e.getSeries() == null ? 1 : e.getSeries().getCount()).toList(),
                before, operator.memory());
        assertThat(agentStatusWrites).hasSizeLessThanOrEqualTo(3 * flaps + 1);
        assertThat(warnings).extracting(Event::getNote).as("one Event per distinct problem").doesNotHaveDuplicates()
                .hasSizeBetween(1, problems);
        assertThat(operator.log().lines().filter(line -> line.contains("Agent " + namespace + "/agent is not ready"))).hasSizeBetween(1, problems);
        assertThat(operator.isAlive()).isTrue();
    }

    /**
     * A sub-agent deleted and created again in a row: its parent and a workforce over both follow it to the end, through
     * the one cache of Agents that the Agent and workforce controllers share.
     */
    @Test
    void aSubAgentThatFlapsIsFollowedByItsParentAndByAWorkforce() {
        String namespace = "flapping-sub-agent";
        Cluster.namespace(cluster.client(), namespace);
        Cluster.createAgent(cluster.client(), namespace, "parent", "{subAgents: [{name: child, agentRef: {name: child}}]}");
        Cluster.create(cluster.client(), """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgenticWorkforce
                metadata: {name: desk, namespace: flapping-sub-agent}
                spec: {name: Desk, description: Answers, owner: desk@example.com, entryPointAgents: [{name: parent}]}
                """);
        int flaps = Soak.times(20);
        for (int flap = 0; flap < flaps; flap++) {
            Cluster.createAgent(cluster.client(), namespace, "child", "{}");
            cluster.client().resources(Agent.class).inNamespace(namespace).withName("child").withTimeout(20, TimeUnit.SECONDS).delete();
        }
        awaitUntil(cluster.client(), Agent.class, namespace, "parent", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE,
                "ReconciliationFailed"));
        awaitUntil(cluster.client(), AgenticWorkforce.class, namespace, "desk", w -> hasCondition(w.getStatus(), WorkforceConditions.AGENTS_AVAILABLE,
                ConditionStatus.FALSE, "AgentsNotReady"));

        Cluster.createAgent(cluster.client(), namespace, "child", "{}");
        awaitReady(namespace, "parent");
        awaitUntil(cluster.client(), AgenticWorkforce.class, namespace, "desk", w -> hasCondition(w.getStatus(), WorkforceConditions.AGENTS_AVAILABLE,
                ConditionStatus.TRUE, "AgentsReady"));
        Deployment parent = cluster.client().apps().deployments().inNamespace(namespace).withName("parent").get();
        assertThat(parent.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(env -> assertThat(env.getValue()).contains("http://child.flapping-sub-agent.svc.cluster.local:8000"));
        assertThat(operator.isAlive()).isTrue();
    }

    private static List<AuditEvent> operatorWrites(int mark, String namespace, String resource, String name) {
        return cluster.apiServer().auditEvents(cluster.installed().user(), mark, e -> e.isWrite() && e.namespace().equals(namespace)
                && e.resource().equals(resource) && e.name().equals(name));
    }

    private static void awaitReady(String namespace, String name) {
        awaitUntil(cluster.client(), Agent.class, namespace, name, a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
    }
}
