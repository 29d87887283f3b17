package ai.agenticlayer.runtime.packaging;

import static ai.agenticlayer.runtime.testing.Cluster.awaitUntil;
import static ai.agenticlayer.runtime.testing.Cluster.create;
import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import ai.agenticlayer.runtime.api.Manifests;
import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentRuntimeConfiguration;
import ai.agenticlayer.runtime.api.v1alpha1.AgenticWorkforce;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.api.v1alpha1.ToolServer;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledCluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer.AuditEvent;
import ai.agenticlayer.runtime.testing.RunsPackagedOperator;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The operator as {@code kubectl apply -f kubernetes/install.yaml} runs it, on a real kube-apiserver: the packaged jar
 * authenticated as its ServiceAccount with exactly the shipped RBAC, leader election on. What the operator sent is
 * read from the API server's audit log, never from the client.
 */
@RunsPackagedOperator
class InstalledOperatorIT {

    @RegisterExtension
    static final InstalledCluster cluster = InstalledCluster.named("installed-operator");

    /**
     * Granted, needed, but never sent as a request of their own. update on a Lease: the SDK checks for it (a
     * SelfSubjectRulesReview) before it competes. update on finalizers: the OwnerReferencesPermissionEnforcement
     * admission (on here, as on OpenShift) checks it when a child's owner reference sets blockOwnerDeletion.
     */
    private static final Set<String> NEEDED_BUT_NOT_SENT = Set.of("coordination.k8s.io leases update",
            "runtime.agentic-layer.ai agents/finalizers update", "runtime.agentic-layer.ai toolservers/finalizers update");


    @Test
    void withTheShippedRbacItLeadsReconcilesEverySampleAndUsesEveryGrant() {
        // a fresh install: the first leader creates the Lease
        cluster.installed().lease(cluster.client()).delete();
        int mark = cluster.apiServer().auditMark();
        try (PackagedOperator operator = cluster.installed().start("operator-rbac", Map.of()).awaitReady()) {
            cluster.installed().awaitLeaseHolder(cluster.client(), "operator-rbac");
            for (JsonNode sample : Manifests.documentsIn(Manifests.SAMPLES)) {
                cluster.client().resource(Cluster.parse(sample.toString())).serverSideApply(); // kubectl apply --server-side
            }
            awaitEverySampleReconciled();
            exerciseFailurePaths();

            List<AuditEvent> requests = cluster.apiServer().auditEvents(cluster.installed().user(), mark, e -> true);
            assertThat(requests).filteredOn(e -> e.code() == 403).as("requests the API server refused").isEmpty();
            // every informer lists page by page, so that re-listing a large fleet never holds a whole kind at once
            assertThat(requests).filteredOn(e -> e.verb().equals("list")).isNotEmpty()
                    .allSatisfy(list -> assertThat(list.uri()).as(list.uri()).contains("limit="));
            ShippedRbac rbac = ShippedRbac.load();
            Set<String> used = requests.stream().filter(e -> !isSelfReview(e))
                    .flatMap(e -> e.authorizedVerbs().stream().map(verb -> e.apiGroup() + " " + e.resource() + " " + verb))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> unused = new TreeSet<>(rbac.grants());
            unused.removeAll(used);
            unused.removeAll(NEEDED_BUT_NOT_SENT);
            // read access is granted as get, list, watch: a get reveals nothing that a list does not
            unused.removeIf(grant -> grant.endsWith(" get") && used.contains(grant.replaceFirst(" get$", " list")));
            assertThat(unused).as("granted but never used").isEmpty();
        }
    }

    @Test
    void eventsAreStoredAndKubectlDescribeShowsThem() {
        Cluster.namespace(cluster.client(), "described");
        try (PackagedOperator operator = cluster.installed().start("operator-events", Map.of()).awaitReady()) {
            Cluster.createAgent(cluster.client(), "described", "helper", "{}");
            create(cluster.client(), """
                    apiVersion: v1
                    kind: Service
                    metadata: {name: squatted, namespace: described}
                    spec: {ports: [{port: 80}]}
                    """);
            Cluster.createAgent(cluster.client(), "described", "squatted", "{}");
            awaitUntil(cluster.client(), Agent.class, "described", "squatted",
                    a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "ResourceConflict"));

            await().atMost(Cluster.TIMEOUT).untilAsserted(() -> assertThat(cluster.apiServer().kubectl("describe", "agent", "helper", "-n", "described"))
                    .containsPattern("Normal\\s+Created\\s+.*Deployment helper created")
                    .containsPattern("Normal\\s+Created\\s+.*Service helper created"));
            await().atMost(Cluster.TIMEOUT).untilAsserted(() -> assertThat(cluster.apiServer().kubectl("describe", "agent", "squatted",
                    "-n", "described")).containsPattern("Warning\\s+ResourceConflict\\s+.*Service described/squatted already exists"));
            assertThat(operator.log()).doesNotContain("Could not record event");
        }
    }

    @Test
    void aNewAgentCostsAtMostThreeWritesAndOneEventAndARestartOverUnchangedObjectsWritesNothing() {
        int agents = 20;
        Cluster.namespace(cluster.client(), "budget");
        int mark = cluster.apiServer().auditMark();
        try (PackagedOperator operator = cluster.installed().start("operator-budget", Map.of()).awaitReady()) {
            for (int i = 0; i < agents; i++) {
                // no instruction, model or description: the API server drops the empty values the original operator sets
                Cluster.createAgent(cluster.client(), "budget", "agent-" + i, i % 2 == 0 ? "{}" : "{framework: msaf, env: [{name: EMPTY, value: ''}]}");
            }
            for (int i = 0; i < agents; i++) {
                awaitUntil(cluster.client(), Agent.class, "budget", "agent-" + i, a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
            }
            cluster.installed().awaitQuiet();
            Map<String, Long> writesPerAgent = cluster.apiServer().auditEvents(cluster.installed().user(), mark, e -> e.isWrite() && e.code() < 400
                    && e.namespace().equals("budget") && !e.resource().equals("events"))
                    .stream().collect(Collectors.groupingBy(AuditEvent::name, TreeMap::new, Collectors.counting()));
            assertThat(writesPerAgent).hasSize(agents).allSatisfy((agent, writes) -> assertThat(writes).as(agent).isLessThanOrEqualTo(3));
            assertThat(cluster.apiServer().auditEvents(cluster.installed().user(), mark, e -> e.verb().equals("create") && e.code() < 400
                    && e.namespace().equals("budget") && e.resource().equals("events"))).as("one Event per new Agent").hasSize(agents);
        }

        int restart = cluster.apiServer().auditMark();
        try (PackagedOperator operator = cluster.installed().start("operator-budget-restart", Map.of()).awaitReady()) {
            cluster.installed().awaitLeaseHolder(cluster.client(), "operator-budget-restart");
            cluster.installed().awaitQuiet();
            assertThat(cluster.apiServer().auditEvents(cluster.installed().user(), restart, e -> e.isWrite() && e.code() < 400 && !e.resource().equals("leases")
                    && !isSelfReview(e)))
                    .as("writes after a restart over unchanged objects").isEmpty();
        }
    }

    @Test
    void childrenLeftByTheOriginalOperatorAreTakenOverWithOneApplyEach() {
        // as the original operator left them: created by another field manager, a controller reference to the Agent,
        // only the labels app and framework
        KubernetesClient originalOperator = cluster.apiServer().adminClient("manager/v0.3.0 (linux/amd64) kubernetes/$Format");
        Cluster.namespace(cluster.client(), "migrated");
        Agent agent = Cluster.createAgent(cluster.client(), "migrated", "legacy", "{framework: google-adk}");
        String owner = "{apiVersion: runtime.agentic-layer.ai/v1alpha1, kind: Agent, name: legacy, uid: " + agent.getMetadata().getUid()
                + ", controller: true, blockOwnerDeletion: true}";
        originalOperator.resource(Cluster.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: legacy, namespace: migrated, labels: {app: legacy, framework: google-adk}, ownerReferences: [%s]}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: legacy}}
                  template:
                    metadata: {labels: {app: legacy}}
                    spec: {containers: [{name: agent, image: 'ghcr.io/agentic-layer/agent-template-adk:0.7.0'}]}
                """.formatted(owner))).create();
        originalOperator.resource(Cluster.parse("""
                apiVersion: v1
                kind: Service
                metadata: {name: legacy, namespace: migrated, labels: {app: legacy}, ownerReferences: [%s]}
                spec: {selector: {app: legacy}, ports: [{name: a2a, port: 8000, targetPort: 8000}]}
                """.formatted(owner))).create();

        originalOperator.close();
        long generationBefore = cluster.client().apps().deployments().inNamespace("migrated").withName("legacy").get().getMetadata().getGeneration();
        int mark = cluster.apiServer().auditMark();
        try (PackagedOperator operator = cluster.installed().start("operator-migration", Map.of()).awaitReady()) {
            awaitUntil(cluster.client(), Agent.class, "migrated", "legacy", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
            cluster.installed().awaitQuiet();
            Deployment deployment = cluster.client().apps().deployments().inNamespace("migrated").withName("legacy").get();
            assertThat(deployment.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "agent-runtime-operator");
            assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).endsWith("agent-template-adk:0.8.0");
            // the pod template changed (template image, restricted securityContext): the pods roll once, not more
            assertThat(deployment.getMetadata().getGeneration()).isEqualTo(generationBefore + 1);
            Service service = cluster.client().services().inNamespace("migrated").withName("legacy").get();
            assertThat(service.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "agent-runtime-operator");

            List<AuditEvent> childWrites = cluster.apiServer().auditEvents(cluster.installed().user(), mark, e -> e.isWrite() && e.namespace().equals("migrated")
                    && (e.resource().equals("deployments") || e.resource().equals("services")));
            assertThat(childWrites).filteredOn(e -> e.code() < 400).extracting(AuditEvent::resource)
                    .as("one apply each").containsExactlyInAnyOrder("deployments", "services");
            assertThat(childWrites).filteredOn(e -> e.code() >= 400).as("refused writes (the create-only apply)").hasSizeLessThanOrEqualTo(2);
            assertThat(cluster.apiServer().kubectl("describe", "agent", "legacy", "-n", "migrated"))
                    .containsPattern("Normal\\s+Updated\\s+.*Deployment legacy updated")
                    .containsPattern("Normal\\s+Updated\\s+.*Service legacy updated");
            assertThat(operator.log()).doesNotContain("Exception");
        }
    }

    @Test
    void onSigtermTheLeaderExitsAtOnceAndReleasesTheLeaseToTheStandby() throws Exception {
        try (PackagedOperator leader = cluster.installed().start("operator-leader", Map.of()).awaitReady()) {
            cluster.installed().awaitLeaseHolder(cluster.client(), "operator-leader");
            try (PackagedOperator standby = cluster.installed().start("operator-standby", Map.of()).awaitReady()) {
                Cluster.namespace(cluster.client(), "handed-over");
                Cluster.createAgent(cluster.client(), "handed-over", "before", "{}");
                awaitUntil(cluster.client(), Agent.class, "handed-over", "before", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
                assertThat(cluster.installed().leaseHolder(cluster.client())).isEqualTo("operator-leader");
                assertThat(cluster.apiServer().auditEvents(cluster.installed().user(), 0, e -> e.userAgent().equals("operator-standby")))
                        .as("the standby's requests, told apart by its user agent").isNotEmpty();
                assertThat(cluster.apiServer().auditEvents(cluster.installed().user(), 0, e -> e.userAgent().equals("operator-standby") && e.isWrite()
                        && !e.resource().equals("leases") && !isSelfReview(e))).as("writes of the standby").isEmpty();

                long stopping = System.nanoTime();
                leader.signalTerminate();
                assertThat(leader.awaitExit(Duration.ofSeconds(25))).as("exited within the grace period").isTrue();
                cluster.installed().awaitLeaseHolder(cluster.client(), "operator-standby");
                Duration handOver = Duration.ofNanos(System.nanoTime() - stopping);
                // the lease duration is 15 s: a hand-over well within it means the Lease was released, not left to expire
                assertThat(handOver).isLessThan(Duration.ofSeconds(10));
                assertThat(leader.log()).contains("Released the leader Lease");
                assertThat(standby.log()).as("what a standby says while another leads").contains("Standing by: operator-leader leads");

                Cluster.createAgent(cluster.client(), "handed-over", "after", "{}");
                awaitUntil(cluster.client(), Agent.class, "handed-over", "after", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
            }
        }
    }

    /**
     * Another replica taking the Lease over (a leader paused past the lease duration finds this on waking): the old leader
     * must not reconcile beside the new one, so it exits at its next renewal, saying who holds the Lease now.
     */
    @Test
    void aLeaderWhoseLeaseIsTakenOverExitsAtItsNextRenewalNamingTheNewHolder() throws Exception {
        try (PackagedOperator leader = cluster.installed().start("operator-usurped", Map.of()).awaitReady()) {
            cluster.installed().awaitLeaseHolder(cluster.client(), "operator-usurped");
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            cluster.installed().lease(cluster.client()).edit(lease -> new LeaseBuilder(lease).editSpec()
                    .withHolderIdentity("operator-elsewhere").withAcquireTime(now).withRenewTime(now)
                    .withLeaseTransitions(lease.getSpec().getLeaseTransitions() + 1).endSpec().build());

            // renewals every 2 s: the next one finds the new holder
            assertThat(leader.awaitExit(Duration.ofSeconds(10))).as("exited after the takeover").isTrue();
            assertThat(leader.exitValue()).as("exit status, so that the pod restarts").isEqualTo(1);
            assertThat(leader.log()).contains("Lost the leader Lease: operator-elsewhere holds it now; exiting so that the pod restarts as a follower")
                    .doesNotContain("Standing by");
            assertThat(cluster.installed().leaseHolder(cluster.client())).as("the Lease, left to its holder").isEqualTo("operator-elsewhere");
        } finally {
            // a free Lease for the tests after this one
            cluster.installed().lease(cluster.client()).delete();
        }
    }

    /**
     * What a user reads at the default level: a start, an Agent that converges, one that cannot, and a stop log the
     * version and port, who leads, the Agent that is not ready and why, and the stop; nothing else (no warning about our
     * own kinds' version, no per-controller start lines, no banner). A line of any other shape fails the test.
     */
    @Test
    void aStartAConvergenceAndAStopLogOnlyWhatAUserActsOn() throws Exception {
        Cluster.namespace(cluster.client(), "logged");
        PackagedOperator operator = cluster.installed().start("operator-logs", Map.of()).awaitReady();
        try {
            cluster.installed().awaitLeaseHolder(cluster.client(), "operator-logs");
            Cluster.createAgent(cluster.client(), "logged", "fine", "{}");
            Cluster.createAgent(cluster.client(), "logged", "orphan", "{subAgents: [{name: missing, agentRef: {name: missing}}]}");
            awaitUntil(cluster.client(), Agent.class, "logged", "fine", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
            awaitUntil(cluster.client(), Agent.class, "logged", "orphan", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "ReconciliationFailed"));
            operator.signalTerminate();
            assertThat(operator.awaitExit(Duration.ofSeconds(25))).as("exited").isTrue();
        } finally {
            operator.close();
        }
        List<String> lines = operator.log().lines().filter(line -> !line.isBlank()).toList();
        List<String> expected = List.of(
                "\\[io\\.quarkus\\] .* started in .*Listening on: .*",
                "\\[ai\\.age\\.run\\.con\\.LeaderElection\\] .* Leading as operator-logs",
                "\\[ai\\.age\\.run\\.sta\\.KubeEvents\\] .* Agent logged/orphan is not ready \\(ReconciliationFailed\\): .*",
                "\\[ai\\.age\\.run\\.con\\.LeaderElection\\] .* Released the leader Lease .*",
                "\\[io\\.quarkus\\] .* stopped in .*");
        assertThat(lines).as("the operator's log:%n%s", operator.log())
                .allSatisfy(line -> assertThat(expected).as(line).anySatisfy(pattern -> assertThat(line).containsPattern(pattern)));
        for (String pattern : expected) {
            assertThat(lines).as("a line like %s", pattern).anySatisfy(line -> assertThat(line).containsPattern(pattern));
        }
    }

    /** Every user may ask what it may do (the SDK does, for its Lease); nothing is written. */
    private static boolean isSelfReview(AuditEvent event) {
        return event.apiGroup().equals("authorization.k8s.io") && event.resource().startsWith("selfsubject");
    }

    private static void awaitEverySampleReconciled() {
        for (JsonNode sample : Manifests.documentsIn(Manifests.SAMPLES)) {
            String namespace = sample.path("metadata").path("namespace").asText();
            String name = sample.path("metadata").path("name").asText();
            switch (Manifests.kindOf(sample)) {
                case "Agent" -> awaitUntil(cluster.client(), Agent.class, namespace, name, a -> a.getStatus() != null && a.getStatus().getUrl() != null);
                case "ToolServer" -> awaitUntil(cluster.client(), ToolServer.class, namespace, name,
                        t -> hasCondition(t.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled"));
                case "AgenticWorkforce" -> awaitUntil(cluster.client(), AgenticWorkforce.class, namespace, name, w -> w.getStatus() != null);
                case "AgentRuntimeConfiguration" -> awaitUntil(cluster.client(), AgentRuntimeConfiguration.class, namespace, name,
                        c -> hasCondition(c.getStatus(), "Accepted", ConditionStatus.TRUE, "Accepted"));
                default -> {
                }
            }
        }
    }

    /** The paths that need more than the happy path: reading a child that is in the way, Warning Events, updates. */
    private static void exerciseFailurePaths() {
        create(cluster.client(), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: squatter, namespace: newsroom}
                spec:
                  selector: {matchLabels: {app: squatter}}
                  template:
                    metadata: {labels: {app: squatter}}
                    spec: {containers: [{name: main, image: 'nginx:1.27'}]}
                """);
        Cluster.createAgent(cluster.client(), "newsroom", "squatter", "{}");
        awaitUntil(cluster.client(), Agent.class, "newsroom", "squatter", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, "ResourceConflict"));

        create(cluster.client(), """
                apiVersion: v1
                kind: Service
                metadata: {name: squatted-tools, namespace: newsroom}
                spec: {ports: [{port: 80}]}
                """);
        create(cluster.client(), """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: squatted-tools, namespace: newsroom}
                spec: {image: 'mcp/filesystem:1.0'}
                """);
        awaitUntil(cluster.client(), ToolServer.class, "newsroom", "squatted-tools",
                t -> hasCondition(t.getStatus(), "Ready", ConditionStatus.FALSE, "ResourceConflict"));

        create(cluster.client(), """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: AgentRuntimeConfiguration
                metadata: {name: second, namespace: research}
                spec: {defaultFramework: google-adk}
                """);
        awaitUntil(cluster.client(), AgentRuntimeConfiguration.class, "research", "second",
                c -> hasCondition(c.getStatus(), "Accepted", ConditionStatus.FALSE, "Conflicting"));

        Cluster.edit(cluster.client(), Agent.class, "newsroom", "summarizer", agent -> agent.getSpec().setReplicas(2));
        awaitUntil(cluster.client(), Deployment.class, "newsroom", "summarizer", d -> Integer.valueOf(2).equals(d.getSpec().getReplicas()));

        referenceThatComesAndGoesIsOneEventSeries();
    }

    /** The same Warning three times within minutes is one Event whose series counts three, as kubectl describe shows it. */
    private static void referenceThatComesAndGoesIsOneEventSeries() {
        Cluster.createAgent(cluster.client(), "newsroom", "flapper", "{tools: [{name: files, upstream: {toolServerRef: {name: flapping-tools}}}]}");
        awaitUntil(cluster.client(), Agent.class, "newsroom", "flapper", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE,
                "ReconciliationFailed"));
        String toolServer = """
                apiVersion: runtime.agentic-layer.ai/v1alpha1
                kind: ToolServer
                metadata: {name: flapping-tools, namespace: newsroom}
                spec: {image: 'mcp/filesystem:1.0'}
                """;
        for (int round = 0; round < 2; round++) {
            create(cluster.client(), toolServer);
            awaitUntil(cluster.client(), Agent.class, "newsroom", "flapper", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE,
                    "Reconciled"));
            cluster.client().resources(ToolServer.class).inNamespace("newsroom").withName("flapping-tools").withTimeout(20, TimeUnit.SECONDS)
                    .delete();
            // the garbage collector's part (no kube-controller-manager here): the children go with their owner
            cluster.client().apps().deployments().inNamespace("newsroom").withName("flapping-tools").withTimeout(20, TimeUnit.SECONDS).delete();
            cluster.client().services().inNamespace("newsroom").withName("flapping-tools").withTimeout(20, TimeUnit.SECONDS).delete();
            awaitUntil(cluster.client(), Agent.class, "newsroom", "flapper", a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE,
                    "ReconciliationFailed"));
        }

        await().atMost(Cluster.TIMEOUT).untilAsserted(() -> {
            List<io.fabric8.kubernetes.api.model.events.v1.Event> warnings = cluster.client().resources(
                    io.fabric8.kubernetes.api.model.events.v1.Event.class).inNamespace("newsroom").list().getItems().stream()
                    .filter(e -> e.getRegarding().getName().equals("flapper") && e.getNote().endsWith("not found")).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).getSeries()).isNotNull().satisfies(series -> assertThat(series.getCount()).isEqualTo(3));
        });
        assertThat(cluster.apiServer().kubectl("describe", "agent", "flapper", "-n", "newsroom"))
                .containsPattern("Warning\\s+ReconciliationFailed\\s+.*\\(x3 over .*\\).*flapping-tools.* not found");
    }
}
