package ai.agenticlayer.runtime.reliability;

import static ai.agenticlayer.runtime.testing.Cluster.hasCondition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.ConditionStatus;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.InstalledCluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer.AuditEvent;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Many Agents that cannot run, among many that can, on a real API server: a third reference a ToolServer that does not
 * exist, a third form sub-agent cycles in pairs. The valid ones converge; each bad one gets its condition, one Warning
 * Event and one log line per distinct problem, and costs no retries (a bad spec is a status, not a failure to retry).
 */
class BadInputAtScaleIT {

    @RegisterExtension
    static final InstalledCluster cluster = InstalledCluster.named("bad-input-at-scale");

    private static final int VALID = Soak.times(334);


    @Test
    void twoThirdsBadTheValidConvergeAndEachBadOneIsReportedOnce() {
        try (PackagedOperator operator = cluster.installed().start("operator-bad-input", Map.of()).awaitReady()) {
            PackagedOperator.Memory before = operator.memory();
            Cluster.namespace(cluster.client(), "valid-only");
            Duration validOnly = createAndTimeValid("valid-only", false);

            Cluster.namespace(cluster.client(), "mixed");
            int mark = cluster.apiServer().auditMark();
            Duration amongBad = createAndTimeValid("mixed", true);
            await().atMost(Soak.times(Duration.ofMinutes(3))).pollInterval(Duration.ofSeconds(1)).until(() -> agents("mixed").stream()
                    .filter(a -> a.getMetadata().getName().startsWith("missing-") || a.getMetadata().getName().startsWith("cycle-"))
                    .allMatch(a -> a.getStatus() != null && hasCondition(a.getStatus(), "Ready", ConditionStatus.FALSE, reasonFor(a))));

            cluster.installed().awaitQuiet(); // Events are written in the background, after the status
            // distinct problems: one, or two for the first of a cycle pair (its partner is missing until it is created)
            Map<String, List<String>> problemsPerAgent = cluster.client().resources(Event.class).inNamespace("mixed").list().getItems().stream()
                    // about the Agents only: the API server's own Events about a Service of the same name do not count
                    .filter(e -> e.getType().equals("Warning") && e.getRegarding().getKind().equals("Agent")).collect(Collectors.groupingBy(e -> e.getRegarding().getName(), TreeMap::new,
                            Collectors.mapping(Event::getNote, Collectors.toList())));
            Map<String, Long> writesPerBadAgent = cluster.apiServer().auditEvents(cluster.installed().user(), mark, e -> e.isWrite() && e.code() < 400
                    && e.namespace().equals("mixed") && !e.resource().equals("events") && !e.name().startsWith("valid-"))
                    .stream().collect(Collectors.groupingBy(AuditEvent::name, TreeMap::new, Collectors.counting()));
            String log = operator.log();
            Map<String, Long> linesPerBadAgent = log.lines().filter(line -> line.contains(" mixed/") && line.contains("is not ready"))
                    .map(line -> line.replaceAll(".* mixed/([^ ]+) is not ready.*", "$1"))
                    .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
            System.out.printf("bad input: %d valid Agents Ready %s after the last create alone, %s among %d bad ones; %d Warning Events, %d status"
                    + " writes and %d log lines for the bad ones; memory before: %s, after: %s%n", VALID, validOnly, amongBad, 2 * VALID,
                    problemsPerAgent.values().stream().mapToInt(List::size).sum(),
                    writesPerBadAgent.values().stream().mapToLong(Long::longValue).sum(),
                    linesPerBadAgent.values().stream().mapToLong(Long::longValue).sum(), before, operator.memory());

            assertThat(problemsPerAgent).as("Agents with Warning Events").hasSize(2 * VALID).allSatisfy((agent, notes) -> assertThat(notes)
                    .as(agent).doesNotHaveDuplicates().hasSizeBetween(1, agent.startsWith("cycle-") ? 2 : 1));
            assertThat(writesPerBadAgent).as("bad Agents written to (their status)").hasSize(2 * VALID)
                    .allSatisfy((agent, count) -> assertThat(count).as(agent).isLessThanOrEqualTo(problemsPerAgent.get(agent).size()));
            assertThat(linesPerBadAgent).as("bad Agents in the log").hasSize(2 * VALID)
                    .allSatisfy((agent, count) -> assertThat(count).as(agent).isEqualTo(problemsPerAgent.get(agent).size()));
            // the bad ones cost a status write and an Event each, and never a retry: the operator keeps up as it does without them
            assertThat(amongBad).as("behind the last create, among bad ones").isLessThan(validOnly.plusSeconds(5));
            assertThat(log).doesNotContain("reconcile failed");
        }
    }

    /**
     * Creates the valid Agents (with two bad ones after each if asked) and returns how long after the last create every
     * valid one is Ready: how far the operator fell behind (creating them takes longer than reconciling them here).
     */
    private static Duration createAndTimeValid(String namespace, boolean withBad) {
        Instant start = Instant.now();
        for (int i = 0; i < VALID; i++) {
            Cluster.createAgent(cluster.client(), namespace, "valid-" + i, "{}");
            if (withBad) {
                Cluster.createAgent(cluster.client(), namespace, "missing-" + i,
                        "{tools: [{name: files, upstream: {toolServerRef: {name: absent-" + i + "}}}]}");
                String partner = i % 2 == 0 ? "cycle-" + (i + 1) : "cycle-" + (i - 1);
                Cluster.createAgent(cluster.client(), namespace, "cycle-" + i, "{subAgents: [{name: partner, agentRef: {name: " + partner + "}}]}");
            }
        }
        Instant created = Instant.now();
        await().atMost(Soak.times(Duration.ofMinutes(3))).pollInterval(Duration.ofMillis(200)).until(() -> agents(namespace).stream()
                .filter(a -> a.getMetadata().getName().startsWith("valid-"))
                .filter(a -> hasCondition(a.getStatus(), "Ready", ConditionStatus.TRUE, "Reconciled")).count() == VALID);
        Duration lag = Duration.between(created, Instant.now());
        System.out.printf("bad input: %s: created in %s, every valid Agent Ready %s after the last create%n", namespace,
                Duration.between(start, created), lag);
        return lag;
    }

    private static String reasonFor(Agent agent) {
        return agent.getMetadata().getName().startsWith("cycle-") ? "SubAgentCycle" : "ReconciliationFailed";
    }

    private static List<Agent> agents(String namespace) {
        return cluster.client().resources(Agent.class).inNamespace(namespace).list().getItems();
    }
}
