package ai.agenticlayer.runtime.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.agenticlayer.runtime.agent.AgentChildren;
import ai.agenticlayer.runtime.agent.ResolvedReferences;
import ai.agenticlayer.runtime.api.v1alpha1.Agent;
import ai.agenticlayer.runtime.api.v1alpha1.AgentStatus;
import ai.agenticlayer.runtime.config.AgentDefaults;
import ai.agenticlayer.runtime.status.Conditions;
import ai.agenticlayer.runtime.testing.Cluster;
import ai.agenticlayer.runtime.testing.PackagedOperator;
import ai.agenticlayer.runtime.testing.RealApiServer;
import ai.agenticlayer.runtime.testing.RealApiServer.AuditEvent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Convergence, API requests and memory of the packaged operator on a real kube-apiserver (etcd on loopback, started by
 * kube-api-test), for N Agents that each have a tool and a sub-agent reference, beside a baseline: a plain client
 * doing the minimal writes the same Agents need, on a fresh server of its own. Run with
 * {@code ./mvnw -Pbenchmark package -DskipTests [-Dbenchmark.sizes=100,1000,5000]}.
 * <p>
 * The operator runs as install.yaml installs it (its ServiceAccount's token, leader election on), and with
 * {@code -Dbenchmark.operators=original,jvm,native} the original Go operator and both packagings of ours run one after
 * the other at each size, between the same baselines ({@link Contender}); the driver is cluster admin and follows the
 * fleet with watches ({@link FleetWatch}), the same for every operator. Requests are counted in the API server's audit
 * log, by user: what the server saw, not what a client thinks it sent.
 */
public final class Benchmark {

    private static final String NAMESPACE = "bench";
    private static final int PARENTS_OF_POPULAR = 100;
    /** How long a step may take (-Dbenchmark.timeoutMinutes): the original needs more than 20 minutes for 10,000 Agents. */
    private static final Duration TIMEOUT = Duration.ofMinutes(Long.getLong("benchmark.timeoutMinutes", 20));
    /** How long no new Event must arrive before the Events of a step count as written. */
    private static final Duration QUIET = Duration.ofSeconds(3);
    /** How long after converging the resident set is read a second time: longer than ours idles before it collects (10 s). */
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    record Result(Contender contender, int agents, double convergeSeconds, Run createBaseline, Map<String, Double> operatorRequestsPerAgent,
            double eventsPerAgent, double eventsWrittenSeconds,
            long resyncWrites, double subAgentChangeSeconds, double heapMiB, Resident resident, Resident settledResident,
            long threads, Run applyBaseline, double operatorCpuSeconds, Cpu cpu,
            double startSeconds, double idleRssMiB, double restartSeconds, double scrapeMillis, Others others, String underLimit,
            double reconcilesPerAgent, Run applyBaselineAfter, String notConverged, String unfinished) {

        /**
         * A run whose Agents were not all Ready in time: its requests, Events, CPU and memory up to then, per Agent
         * created, and {@code notConverged} saying how far it got; what comes after converging is not measured.
         */
        static Result notConverged(Contender contender, int agents, Run createBaseline, Run applyBaseline, String notConverged,
                Map<String, Double> requestsPerAgent, double eventsPerAgent, double heapMiB, Resident resident, long threads,
                double operatorCpuSeconds, Cpu cpu, double startSeconds, double idleRssMiB, String underLimit) {
            return new Result(contender, agents, Double.NaN, createBaseline, requestsPerAgent, eventsPerAgent, Double.NaN, -1, Double.NaN,
                    heapMiB, resident, Resident.NOT_MEASURED, threads, applyBaseline, operatorCpuSeconds, cpu, startSeconds, idleRssMiB,
                    Double.NaN, Double.NaN, Others.NOT_MEASURED, underLimit, Double.NaN, Run.NOT_MEASURED, notConverged, "");
        }

        /** Writes on a restart for a table's cell: "-" when the restart was not measured. */
        String restartWrites() {
            return resyncWrites >= 0 ? String.valueOf(resyncWrites) : "-";
        }

        boolean converged() {
            return notConverged.isEmpty();
        }

        /** The apply baseline the ratios are taken against: the mean of its runs before and after the operator's (NaN unmeasured). */
        Run applyBaselineMean() {
            return Run.mean(applyBaseline, applyBaselineAfter);
        }

        /** The size and the operator, for a table's first cell. */
        String label() {
            return String.format("%,d, %s", agents, contender.label());
        }

        Result withApplyBaselineAfter(Run after) {
            return new Result(contender, agents, convergeSeconds, createBaseline, operatorRequestsPerAgent, eventsPerAgent, eventsWrittenSeconds,
                    resyncWrites, subAgentChangeSeconds, heapMiB, resident, settledResident, threads, applyBaseline, operatorCpuSeconds,
                    cpu, startSeconds, idleRssMiB, restartSeconds, scrapeMillis, others, underLimit, reconcilesPerAgent, after, notConverged,
                    unfinished);
        }
    }

    /** An operator's resident set from /proc/<pid>/status: all of it, and the anonymous part (heap, stacks, native allocations). */
    record Resident(double allMiB, double anonymousMiB) {
        static final Resident NOT_MEASURED = new Resident(Double.NaN, Double.NaN);

        /** For a table's cell: "all / anonymous", or "-" when not measured. */
        String cell() {
            return Double.isNaN(allMiB) ? "-" : "%.0f / %.0f".formatted(allMiB, anonymousMiB);
        }
    }

    /** CPU seconds of kube-apiserver with etcd, and of this JVM (the driver): used so far, or over a span. */
    record Cpu(double controlPlane, double driver) {
        static Cpu used() throws IOException {
            return new Cpu(controlPlaneCpuSeconds(), cpuSeconds(ProcessHandle.current().pid()));
        }

        Cpu since(Cpu before) {
            return new Cpu(controlPlane - before.controlPlane, driver - before.driver);
        }
    }

    /** A baseline's wall time and the CPU it took; NaN when not measured (-Dbenchmark.baselines=false). */
    record Run(double seconds, Cpu cpu) {
        static final Run NOT_MEASURED = new Run(Double.NaN, new Cpu(Double.NaN, Double.NaN));

        static Run mean(Run... runs) {
            return new Run(Arrays.stream(runs).mapToDouble(Run::seconds).average().orElseThrow(),
                    new Cpu(Arrays.stream(runs).mapToDouble(r -> r.cpu.controlPlane()).average().orElseThrow(),
                            Arrays.stream(runs).mapToDouble(r -> r.cpu.driver()).average().orElseThrow()));
        }
    }

    /** ToolServers and AgenticWorkforces created once the Agents have converged: one per 10 and one per 100 Agents. */
    record Others(int toolServers, int workforces, double convergeSeconds, double writesPerToolServer, double writesPerWorkforce,
            long otherWrites, long events, double heapMiB, double rssMiB) {
        static final Others NOT_MEASURED = new Others(0, 0, Double.NaN, Double.NaN, Double.NaN, 0, 0, Double.NaN, Double.NaN);
    }

    public static void main(String[] args) throws Exception {
        try {
            run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // exec:java would otherwise wait forever for the Vert.x threads of the clients
        }
        System.exit(0); // the Vert.x threads of the closed clients are not daemons: exec:java would wait for them forever
    }

    private static void run() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("benchmark.sizes", "100,1000").split(",")) {
            sizes.add(Integer.parseInt(size.trim()));
        }
        List<Result> results = new ArrayList<>();
        // -Dbenchmark.baselines=false: the operator only (to compare packagings with baselines measured in another run)
        boolean baselines = Boolean.parseBoolean(System.getProperty("benchmark.baselines", "true"));
        // -Dbenchmark.applyRuns=N: the apply baseline N times before the operator's run and N times after (the mean of each)
        int applyRuns = Integer.getInteger("benchmark.applyRuns", 1);
        List<Contender> contenders = Contender.fromProperties();
        if (!ApiServerCpus.AUDIT_LOG && !contenders.isEmpty()) {
            throw new IllegalArgumentException("-Dbenchmark.auditLog=false runs the baselines only (-Dbenchmark.operators=none): "
                    + "an operator's requests, Events and restart are read from the audit log");
        }
        baseline(300, false); // warms up this JVM's client before anything is measured
        for (int n : sizes) {
            Run createBaseline = baselines ? baseline(n, false) : Run.NOT_MEASURED;
            Run applyBaseline = baselines ? applyBaselines(n, applyRuns) : Run.NOT_MEASURED;
            List<Result> ofSize = new ArrayList<>();
            for (Contender contender : contenders) {
                ofSize.add(operator(contender, n, createBaseline, applyBaseline));
                System.out.println(table(ofSize)); // so far, in case a later run fails
            }
            // again after the operators' runs: this machine's speed drifts (the apply baseline took 228 to 409 s at 10,000
            // in different runs), and a ratio against one run before them would carry that drift
            Run after = baselines ? applyBaselines(n, applyRuns) : Run.NOT_MEASURED;
            ofSize.forEach(result -> results.add(baselines ? result.withApplyBaselineAfter(after) : result));
        }
        String table = table(results);
        System.out.println(table);
        Files.writeString(Path.of("target", "benchmark.md"), table);
    }

    /** The apply baseline {@code runs} times in a row: their mean (each run prints its own time). */
    static Run applyBaselines(int n, int runs) throws Exception {
        Run[] each = new Run[runs];
        for (int i = 0; i < runs; i++) {
            each[i] = baseline(n, true);
        }
        return Run.mean(each);
    }

    /**
     * The minimal writes by hand: create the Agent, its Deployment and Service, write its status, with 10 threads. With
     * {@code apply}, the children and the status are written by server-side apply, as the operator writes them.
     */
    static Run baseline(int n, boolean apply) throws Exception {
        try (RealApiServer apiServer = ApiServerCpus.start("benchmark-baseline"); KubernetesClient client = driver(apiServer)) {
            Cluster.namespace(client, NAMESPACE);
            AgentDefaults defaults = AgentDefaults.builtIn("ghcr.io/agentic-layer/agent-template-adk:0.8.0",
                    "ghcr.io/agentic-layer/agent-template-msaf:0.1.0");
            ExecutorService pool = Executors.newFixedThreadPool(10);
            Cpu before = Cpu.used();
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Agent agent = agent(i);
                work.add(pool.submit(() -> {
                    Agent created = create(client, agent);
                    ResolvedReferences references = new ResolvedReferences(
                            Map.of("helper", "http://" + helperOf(created) + "." + NAMESPACE + ".svc.cluster.local:8000/.well-known/agent-card.json"),
                            Map.of("search", "https://search.example.com/mcp"), java.util.Optional.empty(), java.util.Optional.empty());
                    Deployment deployment = AgentChildren.deployment(created, defaults, references);
                    deployment.getSpec().setReplicas(1);
                    if (apply) {
                        client.resource(deployment).forceConflicts().serverSideApply();
                        client.resource(AgentChildren.service(created)).forceConflicts().serverSideApply();
                    } else {
                        client.resource(deployment).create();
                        client.resource(AgentChildren.service(created)).create();
                    }
                    AgentStatus status = new AgentStatus();
                    status.setUrl("http://" + created.getMetadata().getName() + "." + NAMESPACE + ".svc.cluster.local:8000/.well-known/agent-card.json");
                    status.setConditions(Conditions.merge(null, List.of(Conditions.condition(Conditions.READY, true, "Reconciled",
                            "Agent is ready", 1L)), java.time.Instant.now()));
                    created.setStatus(status);
                    if (apply) {
                        Agent statusOnly = new Agent();
                        statusOnly.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(created.getMetadata().getName())
                                .withNamespace(NAMESPACE).build());
                        statusOnly.setSpec(null);
                        statusOnly.setStatus(status);
                        client.resource(statusOnly).subresource("status").patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                                io.fabric8.kubernetes.client.dsl.base.PatchType.SERVER_SIDE_APPLY));
                    } else {
                        client.resource(created).updateStatus();
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            double seconds = seconds(start);
            Cpu cpu = Cpu.used().since(before);
            pool.shutdown();
            System.out.printf("%s baseline, %,d Agents%s: %.1f s, kube-apiserver + etcd %.1f s of CPU%n", apply ? "Apply" : "Create", n,
                    ApiServerCpus.AUDIT_LOG ? "" : ", no audit log", seconds, cpu.controlPlane());
            return new Run(seconds, cpu);
        }
    }

    static Result operator(Contender contender, int n, Run createBaseline, Run applyBaseline) throws Exception {
        String name = contender.name().toLowerCase() + "-" + n;
        try (RealApiServer apiServer = contender.apiServer("benchmark-" + name); KubernetesClient client = driver(apiServer);
                FleetWatch fleet = FleetWatch.start(client)) {
            Cluster.namespace(client, NAMESPACE);
            Cluster.namespace(client, "warmup");
            Contender.Installation installed = contender.install(apiServer);
            long launch = System.nanoTime();
            OperatorProcess operator = installed.start("benchmark-" + name);
            double startSeconds = seconds(launch);
            ApiServerCpus.printCpus(contender.label(), operator.pid());
            Thread.sleep(2_000);
            double idleRssMiB = operator.rssMiB();
            try {
                // warm the operator's JIT as a long-running operator is warm: 300 Agents elsewhere, then the measured ones
                for (int i = 0; i < 300; i++) {
                    Agent warmup = agent(i);
                    warmup.getMetadata().setNamespace("warmup");
                    warmup.getSpec().setSubAgents(List.of());
                    client.resource(warmup).create();
                }
                fleet.awaitReady("Agent", 300, TIMEOUT);

                // the two sub-agents everyone references, then the N Agents
                client.resource(parse("popular", "{}")).create();
                client.resource(parse("common", "{}")).create();
                fleet.awaitReady("Agent", 302, TIMEOUT);
                fleet.awaitNoNewEvents(QUIET, TIMEOUT);
                int mark = apiServer.auditMark();
                Cpu cpuBefore = Cpu.used();
                double operatorCpuBefore = cpuSeconds(operator.pid());
                double reconcilesBefore = operator.agentReconciles("started");
                long start = System.nanoTime();
                ExecutorService pool = Executors.newFixedThreadPool(10);
                List<Future<?>> creations = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Agent agent = agent(i);
                    creations.add(pool.submit(() -> create(client, agent)));
                }
                for (Future<?> creation : creations) {
                    creation.get();
                }
                pool.shutdown();
                try {
                    fleet.awaitReady("Agent", 302 + n, TIMEOUT);
                } catch (FleetWatch.NotReady notReady) {
                    return notConverged(contender, n, createBaseline, applyBaseline, notReady.ready() - 302, seconds(start), apiServer,
                            installed.user(), mark, cpuBefore, operatorCpuBefore, operator, startSeconds, idleRssMiB);
                }
                double convergeSeconds = seconds(start);
                double operatorCpu = cpuSeconds(operator.pid()) - operatorCpuBefore;
                Cpu cpu = Cpu.used().since(cpuBefore);
                double reconcilesPerAgent = (operator.agentReconciles("started") - reconcilesBefore) / n;
                // Events may be written behind the writes that make Agents ready (ours writes them in the background)
                double eventsWrittenSeconds = (fleet.awaitNoNewEvents(QUIET, TIMEOUT) - start) / 1e9;
                // Ready is written after the children are applied; check once that they are all there
                awaitDeployments(client, n + 2);
                List<AuditEvent> converging = apiServer.auditEvents(installed.user(), mark, e -> !isBookkeeping(e));
                Map<String, Double> perAgent = perVerb(converging, n);
                double eventsPerAgent = eventsPerAgent(converging, n);

                double heapMiB = operator.heapMiB();
                Resident resident = operator.resident();
                long threads = (long) operator.procStatus("Threads:");
                // printed now: a step after converging that times out ends the run before the table
                System.out.printf("%s, %,d Agents: converged in %.1f s; requests per Agent %s, Events per Agent %.2f; CPU operator %.1f s, "
                        + "kube-apiserver + etcd %.1f s; RSS %s MiB%n", contender.label(), n, convergeSeconds, perAgent,
                        eventsPerAgent, operatorCpu, cpu.controlPlane(), resident.cell());
                // an idle operator's resident set, once ours has collected its heap after idling (idle-collection.after)
                Thread.sleep(SETTLE.toMillis());
                Resident settledResident = operator.resident();
                System.out.printf("%s, %,d Agents: RSS %d s later %s MiB%n", contender.label(), n, SETTLE.toSeconds(),
                        settledResident.cell());
                operator.ours().ifPresent(ours -> printNativeMemory(ours, n));
                double scrapeMillis = operator.ours().map(Benchmark::scrapeMillis).orElse(Double.NaN);
                Others others;
                try {
                    others = toolServersAndWorkforces(apiServer, client, fleet, installed.user(), operator, n);
                } catch (ExecutionException | RuntimeException e) {
                    // a finding about this operator, not the end of the run: its row keeps what was measured
                    String unfinished = "the ToolServers and workforces did not converge (" + rootCause(e) + "); the restart was not measured";
                    System.out.printf("%s, %,d Agents: %s%n", contender.label(), n, unfinished);
                    String underLimit = operator.cgroup().map(group -> "converging: " + group.describe()).orElse("");
                    return new Result(contender, n, convergeSeconds, createBaseline, perAgent, eventsPerAgent, eventsWrittenSeconds, -1,
                            Double.NaN, heapMiB, resident, settledResident, threads, applyBaseline, operatorCpu,
                            cpu, startSeconds, idleRssMiB, Double.NaN, scrapeMillis, Others.NOT_MEASURED, underLimit, reconcilesPerAgent,
                            Run.NOT_MEASURED, "", unfinished);
                }
                String underLimit = operator.cgroup().map(group -> "converging and with the ToolServers and workforces: " + group.describe())
                        .orElse("");

                // a full resync: a new operator process lists everything and reconciles every Agent again
                operator.close();
                int resyncMark = apiServer.auditMark();
                long restart = System.nanoTime();
                operator = installed.start("benchmark-resync-" + name);
                double restartSeconds = awaitResynced(operator, apiServer, installed.user(), resyncMark, n + 2 + 300, restart);
                underLimit += operator.cgroup().map(group -> "; restart: " + group.describe()).orElse("");
                Thread.sleep(3_000);
                List<AuditEvent> restartWrites = apiServer.auditEvents(installed.user(), resyncMark, e -> e.isWrite() && !isBookkeeping(e));
                long resyncWrites = restartWrites.size();
                long workforceWrites = restartWrites.stream().filter(e -> e.resource().startsWith("agenticworkforces")).count();
                if (workforceWrites > 0) {
                    System.out.printf("%s, restart: %d of the %d writes are to AgenticWorkforces%n", contender.label(), workforceWrites,
                            resyncWrites);
                }
                // the original at 10,000 Agents exited 2 minutes after a restart, its Agent cache not synced, and in
                // 112Mi at 1,000 during the sub-agent change, its Lease lost: the row keeps its figures, and says so,
                // instead of the sub-agent change failing on its unserved webhook
                boolean exited = !operator.isAlive();
                double subAgentChangeSeconds = Double.NaN;
                if (!exited) {
                    try {
                        subAgentChangeSeconds = subAgentChange(client);
                    } catch (RuntimeException e) {
                        if (!operator.exitsWithin(Duration.ofSeconds(60))) {
                            throw e;
                        }
                        exited = true;
                    }
                }
                if (exited) {
                    System.out.printf("%s, restart: the process exited before the sub-agent change was done%n", contender.label());
                    underLimit += "; the restarted process exited";
                }
                return new Result(contender, n, convergeSeconds, createBaseline, perAgent, eventsPerAgent, eventsWrittenSeconds,
                        resyncWrites, subAgentChangeSeconds, heapMiB, resident, settledResident, threads,
                        applyBaseline, operatorCpu, cpu,
                        startSeconds, idleRssMiB, restartSeconds, scrapeMillis, others, underLimit, reconcilesPerAgent, Run.NOT_MEASURED, "", "");
            } finally {
                operator.close();
            }
        }
    }

    /**
     * What an operator that did not make every Agent Ready within the timeout got to: the Agents Ready, and its requests,
     * Events, CPU and memory up to then, so that the table has its row and not only a stack trace.
     */
    private static Result notConverged(Contender contender, int n, Run createBaseline, Run applyBaseline, long ready, double seconds,
            RealApiServer apiServer, String user, int mark, Cpu cpuBefore, double operatorCpuBefore, OperatorProcess operator,
            double startSeconds, double idleRssMiB) throws IOException {
        double operatorCpu = cpuSeconds(operator.pid()) - operatorCpuBefore;
        Cpu cpu = Cpu.used().since(cpuBefore);
        List<AuditEvent> sent = apiServer.auditEvents(user, mark, e -> !isBookkeeping(e));
        String notConverged = String.format("not converged: %,d of %,d Agents Ready after %.0f s", ready, n, seconds);
        System.out.printf("%s, %,d Agents: %s%n", contender.label(), n, notConverged);
        return Result.notConverged(contender, n, createBaseline, applyBaseline, notConverged,
                perVerb(sent, n), eventsPerAgent(sent, n), operator.heapMiB(), operator.resident(),
                (long) operator.procStatus("Threads:"), operatorCpu, cpu, startSeconds, idleRssMiB,
                operator.cgroup().map(group -> "until the timeout: " + group.describe()).orElse(""));
    }

    /**
     * Seconds from {@code restart} until the new process has reconciled every Agent: ours counts its reconciles (it
     * writes nothing to show them); the original writes on every reconcile, so until the API server has seen no write
     * of it for 10 s (its Events are rate limited, and stop before its writes do).
     */
    private static double awaitResynced(OperatorProcess operator, RealApiServer apiServer, String user, int mark, int agents,
            long restart) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        if (operator.ours().isPresent()) {
            while (operator.agentReconciles("success") < agents) {
                check(deadline);
                Thread.sleep(250);
            }
            return seconds(restart);
        }
        // the original waits for its Lease to expire (it does not release it) before it reconciles anything
        long firstWriteDeadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long lastChange = System.nanoTime();
        int writes = 0;
        while (writes == 0 ? System.nanoTime() < firstWriteDeadline : System.nanoTime() - lastChange < Duration.ofSeconds(10).toNanos()) {
            check(deadline);
            Thread.sleep(2_000);
            // its workforce controller rewrites every workforce's status without end after a restart (about 100
            // writes a second for 10 workforces): the writes for Agents are the ones that end
            int now = apiServer.auditEvents(user, mark, e -> e.isWrite() && !isBookkeeping(e)
                    && !e.resource().startsWith("agenticworkforces")).size();
            if (now != writes) {
                writes = now;
                lastChange = System.nanoTime();
            }
        }
        return writes == 0 ? Double.NaN : (lastChange - restart) / 1e9;
    }

    /** The sub-agent of 100 parents moves to another port: seconds until a watch sees their Deployments change. */
    private static double subAgentChange(KubernetesClient client) throws InterruptedException {
        java.util.Set<String> moved = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicReference<io.fabric8.kubernetes.client.WatcherException> watchClosed =
                new java.util.concurrent.atomic.AtomicReference<>();
        // from the list's resourceVersion: without one the server first replays every Deployment (11,002 at
        // 10,000 Agents); one such watch reported none of the changes, and this loop waited out its timeout
        String listedAt = client.apps().deployments().inNamespace(NAMESPACE)
                .list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder().withLimit(1L).build())
                .getMetadata().getResourceVersion();
        try (var watch = client.apps().deployments().inNamespace(NAMESPACE).withResourceVersion(listedAt)
                .watch(new io.fabric8.kubernetes.client.Watcher<Deployment>() {
            @Override
            public void eventReceived(Action action, Deployment deployment) {
                if (deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                        .anyMatch(e -> e.getName().equals("SUB_AGENTS") && e.getValue().contains("popular.bench.svc.cluster.local:9000"))) {
                    moved.add(deployment.getMetadata().getName());
                }
            }

            @Override
            public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
                watchClosed.set(cause);
            }
        })) {
            long change = System.nanoTime();
            // a merge patch of the spec alone: the original's Agents carry status fields our model does not know
            client.resources(Agent.class).inNamespace(NAMESPACE).withName("popular").patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                    io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE), "{\"spec\":{\"protocols\":[{\"type\":\"A2A\",\"port\":9000}]}}");
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (moved.size() < PARENTS_OF_POPULAR) {
                check(deadline);
                if (watchClosed.get() != null) {
                    throw new IllegalStateException("the watch of the parents' Deployments closed after " + moved.size()
                            + " of " + PARENTS_OF_POPULAR, watchClosed.get());
                }
                Thread.sleep(20);
            }
            return seconds(change);
        }
    }

    /**
     * A ToolServer per 10 Agents and an AgenticWorkforce per 100, each workforce over 10 of the converged Agents (and
     * through them their sub-agents): until every ToolServer is Ready and every workforce has all its Agents available,
     * what that costs in writes, and the operator's memory with all of them cached.
     */
    private static Others toolServersAndWorkforces(RealApiServer apiServer, KubernetesClient client, FleetWatch fleet, String user,
            OperatorProcess operator, int n) throws Exception {
        int toolServers = Math.max(1, n / 10);
        int workforces = Math.max(1, n / 100);
        int mark = apiServer.auditMark();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<?>> creations = new ArrayList<>();
        for (int i = 0; i < toolServers; i++) {
            String name = "tools-" + i;
            creations.add(pool.submit(() -> Cluster.create(client, "apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: ToolServer\n"
                    + "metadata: {name: " + name + ", namespace: " + NAMESPACE + "}\nspec: {image: 'mcp/filesystem:1.0', protocol: mcp, transportType: http}")));
        }
        for (int w = 0; w < workforces; w++) {
            StringBuilder entryPoints = new StringBuilder();
            for (int i = 10 * w; i < 10 * w + 10; i++) {
                entryPoints.append(entryPoints.isEmpty() ? "" : ", ").append("{name: agent-").append(i).append('}');
            }
            String name = "desk-" + w;
            creations.add(pool.submit(() -> Cluster.create(client, "apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: AgenticWorkforce\n"
                    + "metadata: {name: " + name + ", namespace: " + NAMESPACE + "}\nspec: {name: Desk, description: Answers, "
                    + "owner: desk@example.com, entryPointAgents: [" + entryPoints + "]}")));
        }
        for (Future<?> creation : creations) {
            creation.get();
        }
        pool.shutdown();
        fleet.awaitReady("ToolServer", toolServers, TIMEOUT, operator);
        fleet.awaitReady("AgenticWorkforce", workforces, TIMEOUT, operator);
        double seconds = seconds(start);
        fleet.awaitNoNewEvents(QUIET, TIMEOUT);
        List<AuditEvent> writes = apiServer.auditEvents(user, mark, e -> e.isWrite() && !isBookkeeping(e));
        // a ToolServer's own status, and its Deployment and Service (named after it)
        long toolServerWrites = writes.stream().filter(e -> e.resource().startsWith("toolservers") || e.name().startsWith("tools-"))
                .filter(e -> !e.resource().equals("events")).count();
        long workforceWrites = writes.stream().filter(e -> e.resource().startsWith("agenticworkforces")).count();
        long events = writes.stream().filter(e -> e.resource().equals("events")).count();
        long otherWrites = writes.size() - toolServerWrites - workforceWrites - events;
        return new Others(toolServers, workforces, seconds, toolServerWrites / (double) toolServers, workforceWrites / (double) workforces,
                otherWrites, events, operator.heapMiB(), operator.rssMiB());
    }

    /** Agent i: an external tool, and a sub-agent by reference (the first hundred share "popular"). */
    static Agent agent(int i) {
        String helper = i < PARENTS_OF_POPULAR ? "popular" : "common";
        return parse("agent-" + i, "{tools: [{name: search, upstream: {external: {url: 'https://search.example.com/mcp'}}}], "
                + "subAgents: [{name: helper, agentRef: {name: " + helper + "}}]}");
    }

    private static String helperOf(Agent agent) {
        return agent.getSpec().getSubAgents().get(0).getAgentRef().getName();
    }

    static Agent parse(String name, String spec) {
        return Serialization.unmarshal("apiVersion: runtime.agentic-layer.ai/v1alpha1\nkind: Agent\nmetadata: {name: " + name
                + ", namespace: " + NAMESPACE + "}\nspec: " + spec, Agent.class);
    }

    /**
     * Creates {@code agent}; when the client sent the POST again after a dropped connection and the first one had
     * succeeded (409 AlreadyExists), the Agent the first one made.
     */
    private static Agent create(KubernetesClient client, Agent agent) {
        try {
            return client.resource(agent).create();
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
            return client.resource(agent).get();
        }
    }

    /** Cluster admin, with as many requests in flight as the 10 driver threads need. */
    private static KubernetesClient driver(RealApiServer apiServer) throws IOException {
        io.fabric8.kubernetes.client.Config config = io.fabric8.kubernetes.client.Config.fromKubeconfig(Files.readString(apiServer.kubeconfig()));
        config.setMaxConcurrentRequests(64);
        config.setMaxConcurrentRequestsPerHost(64);
        return new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build();
    }

    private static void awaitDeployments(KubernetesClient client, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (client.apps().deployments().inNamespace(NAMESPACE).list().getItems().size() < expected
                || client.services().inNamespace(NAMESPACE).list().getItems().size() < expected) {
            check(deadline);
            Thread.sleep(200);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** The median time of five scrapes of /q/metrics: what a Prometheus scrape costs at this fleet size. */
    private static double scrapeMillis(PackagedOperator operator) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            operator.metrics();
            times.add((System.nanoTime() - start) / 1e6);
        }
        return times.stream().sorted().toList().get(2);
    }

    /**
     * Where the JVM's resident memory goes, when the operator runs with {@code -XX:NativeMemoryTracking=summary} in
     * {@code -Doperator.jvmOptions}: jcmd's summary, printed as it is.
     */
    private static void printNativeMemory(PackagedOperator operator, int n) {
        if (PackagedOperator.isNative() || !System.getProperty("operator.jvmOptions", "").contains("NativeMemoryTracking")) {
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(operator.pid()), "VM.native_memory", "summary")
                    .redirectErrorStream(true).start();
            String summary = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            System.out.println("Native memory of the operator after converging " + n + " Agents:\n" + summary);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** User and system CPU time of a process, from /proc/<pid>/stat (in clock ticks of 10 ms). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** Requests per Agent by the API server's verb, Events left out; a watch is one long request, not a request per Agent. */
    private static Map<String, Double> perVerb(List<AuditEvent> requests, int n) {
        Map<String, Double> counts = new TreeMap<>();
        for (String verb : List.of("get", "list", "create", "update", "patch", "delete")) {
            counts.put(verb, 0.0);
        }
        requests.stream().filter(e -> !isEvent(e) && !e.verb().equals("watch")).forEach(e -> counts.merge(e.verb(), 1.0, Double::sum));
        counts.replaceAll((verb, count) -> count / n);
        return counts;
    }

    private static double eventsPerAgent(List<AuditEvent> requests, int n) {
        return requests.stream().filter(Benchmark::isEvent).count() / (double) n;
    }

    private static boolean isEvent(AuditEvent request) {
        return request.resource().equals("events");
    }

    /** The Lease renewals and the SDK's permission check: the same with 10 Agents or 10,000. */
    private static boolean isBookkeeping(AuditEvent event) {
        return event.resource().equals("leases") || event.resource().startsWith("selfsubject");
    }

    /** CPU seconds of kube-apiserver and etcd. */
    private static double controlPlaneCpuSeconds() throws IOException {
        double total = 0;
        for (ProcessHandle process : ApiServerCpus.controlPlane()) {
            total += cpuSeconds(process.pid());
        }
        return total;
    }

    private static void check(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("timed out");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** A figure, or "-" for one not measured (the baselines with -Dbenchmark.baselines=false). */
    private static String orDash(String format, double value) {
        return Double.isNaN(value) ? "-" : String.format(format, value);
    }

    /**
     * Where the time to converge goes, against the apply baseline (the mean of its runs before and after). When the
     * cores are saturated, wall time follows the CPU seconds of everything on the machine: without the operator's own
     * CPU, at the same cores busy, the run would take {@code wall × (apiserver + driver) / all}; that floor is what the
     * API server's extra work for the operator (its watches, the Events) costs alone, and the operator CPU that leaves
     * within 1.3 × the baseline is {@code 1.3 × baseline × all / wall − apiserver − driver}.
     */
    static String timeTable(List<Result> results) {
        StringBuilder out = new StringBuilder(String.format("%nWhere the time goes while converging (CPU seconds from /proc; the machine has %d cores; "
                + "the floor is the operator's run without the operator's CPU, at the same cores busy; the apply baseline is the mean of its "
                + "runs before and after the operator's)%s:%n%n", CORES, ApiServerCpus.pinned()
                        ? "; " + ApiServerCpus.describe() + ", so the floor is the CPU of kube-apiserver and etcd over their CPUs" : ""));
        out.append("| Agents | Wall: create baseline / apply baseline / operator (s) | kube-apiserver + etcd CPU: create / apply / operator's run (s) "
                + "| Driver CPU: create / apply / operator's run (s) | Operator CPU (s) | Cores busy: create / apply / operator's run "
                + "| Floor (s) | Floor / apply baseline | Operator CPU within 1.3 × apply baseline (s) | Reconciles per Agent "
                + "| Operator CPU per Agent (ms) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            Run create = r.createBaseline();
            Run apply = r.applyBaselineMean();
            double others = r.cpu().controlPlane() + r.cpu().driver();
            double all = others + r.operatorCpuSeconds();
            // pinned, the operator's CPU is not the API server's: the floor is the API server's own CPUs kept busy
            double floor = ApiServerCpus.pinned() ? r.cpu().controlPlane() / ApiServerCpus.count() : r.convergeSeconds() * others / all;
            double budget = ApiServerCpus.pinned() ? Double.NaN : 1.3 * apply.seconds() * all / r.convergeSeconds() - others;
            out.append(String.format("| %s | %s / %s / %.1f | %s / %s / %.1f | %s / %s / %.1f | %.1f | %s / %s / %.2f | %.1f | %s | %s "
                    + "| %.2f | %.1f |%n",
                    r.label(), orDash("%.1f", create.seconds()), orDash("%.1f", apply.seconds()), r.convergeSeconds(),
                    orDash("%.1f", create.cpu().controlPlane()), orDash("%.1f", apply.cpu().controlPlane()), r.cpu().controlPlane(),
                    orDash("%.1f", create.cpu().driver()), orDash("%.1f", apply.cpu().driver()), r.cpu().driver(), r.operatorCpuSeconds(),
                    orDash("%.2f", coresBusy(create)), orDash("%.2f", coresBusy(apply)), all / r.convergeSeconds(), floor,
                    orDash("%.2f", floor / apply.seconds()), orDash("%.1f", budget), r.reconcilesPerAgent(),
                    1000 * r.operatorCpuSeconds() / r.agents()));
        }
        return out.toString();
    }

    private static double coresBusy(Run run) {
        return (run.cpu().controlPlane() + run.cpu().driver()) / run.seconds();
    }

    /**
     * The figures users compare operators by, one row per size and operator: time to converge against the apply
     * baseline, requests by verb and Events (the API server's audit log), writes on a restart, CPU (/proc) and memory
     * (/proc, and the memory cgroup when the run had a limit).
     */
    static String sideBySide(List<Result> results) {
        StringBuilder out = new StringBuilder("| Agents, operator | Converge (s) | Ratio to the apply baseline | Requests per Agent "
                + "(get/list/create/update/patch/delete) | Events per Agent | Writes on a restart | CPU while converging: operator / "
                + "kube-apiserver + etcd (s) | Operator CPU per Agent (ms) | RSS after converging: all / anonymous (MiB) | RSS 15 s later: all / anonymous (MiB) "
                + "| Memory limit |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            Map<String, Double> v = r.operatorRequestsPerAgent();
            out.append(String.format("| %s | %s | %s | %.2f / %.2f / %.2f / %.2f / %.2f / %.2f | %.2f | %s | %.1f / %.1f | %.1f "
                    + "| %s | %s | %s |%n", r.label(), r.converged() ? "%.1f".formatted(r.convergeSeconds()) : r.notConverged(),
                    orDash("%.2f", r.convergeSeconds() / r.applyBaselineMean().seconds()),
                    v.get("get"), v.get("list"), v.get("create"), v.get("update"), v.get("patch"), v.get("delete"), r.eventsPerAgent(),
                    r.restartWrites(), r.operatorCpuSeconds(), r.cpu().controlPlane(), 1000 * r.operatorCpuSeconds() / r.agents(),
                    r.resident().cell(), r.settledResident().cell(),
                    r.underLimit().isEmpty() ? "none" : r.underLimit()));
        }
        return out.toString();
    }

    static String table(List<Result> results) {
        StringBuilder out = new StringBuilder();
        results.stream().map(Result::contender).distinct().forEach(c -> out.append("- ").append(c.describe()).append('\n'));
        out.append(ApiServerCpus.pinned() ? "\n" + ApiServerCpus.describe() + ".\n" : "").append('\n');
        out.append(sideBySide(results)).append("\nIn detail, for the runs that converged:\n\n");
        List<Result> converged = results.stream().filter(Result::converged).toList();
        out.append("| Agents | Converge (s) | Baseline: create (s) | Ratio | Baseline: apply, before / after the operator (s) | Ratio to their mean | Requests per Agent, without Events "
                + "(get/list/create/update/patch/delete) | Writes per Agent | Events per Agent | Events all written (s) | Restart writes (Events included) "
                + "| 100 parents follow a sub-agent (s) | Heap used (MiB) | RSS: all / anonymous (MiB) | Threads "
                + "| CPU while converging: operator / kube-apiserver + etcd / driver (s) | Start to ready (s) | RSS idle (MiB) "
                + "| Restart: start to every Agent reconciled (s) | Scrape of /q/metrics (ms) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : converged) {
            Map<String, Double> v = r.operatorRequestsPerAgent();
            double writes = v.get("create") + v.get("update") + v.get("patch") + v.get("delete");
            out.append(String.format("| %s | %.1f | %s | %s | %s | %s | %.2f / %.2f / %.2f / %.2f / %.2f / %.2f | %.2f "
                    + "| %.2f | %.1f | %s | %.1f | %.0f | %s | %d | %.1f / %.1f / %.1f | %.1f | %.0f | %.1f | %.1f |%n",
                    r.label(), r.convergeSeconds(), orDash("%.1f", r.createBaseline().seconds()),
                    orDash("%.2f", r.convergeSeconds() / r.createBaseline().seconds()),
                    orDash("%.1f", r.applyBaseline().seconds()) + " / " + orDash("%.1f", r.applyBaselineAfter().seconds()),
                    orDash("%.2f", r.convergeSeconds() / r.applyBaselineMean().seconds()),
                    v.get("get"), v.get("list"), v.get("create"), v.get("update"), v.get("patch"), v.get("delete"), writes,
                    r.eventsPerAgent(), r.eventsWrittenSeconds(), r.restartWrites(),
                    r.subAgentChangeSeconds(), r.heapMiB(), r.resident().cell(),
                    r.threads(), r.operatorCpuSeconds(), r.cpu().controlPlane(), r.cpu().driver(), r.startSeconds(), r.idleRssMiB(),
                    r.restartSeconds(), r.scrapeMillis()));
        }
        out.append(timeTable(converged));
        for (Result r : results) {
            if (!r.underLimit().isEmpty()) {
                out.append(String.format("%n%s: %s.%n", r.label(), r.underLimit()));
            }
            if (!r.unfinished().isEmpty()) {
                out.append(String.format("%n%s: %s.%n", r.label(), r.unfinished()));
            }
        }
        out.append("\nThen, beside the converged Agents:\n\n| Agents | ToolServers | AgenticWorkforces | Converge (s) | Writes per ToolServer "
                + "| Writes per workforce | Other writes | Events | Heap used after (MiB) | RSS after (MiB) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : converged.stream().filter(r -> r.unfinished().isEmpty()).toList()) {
            Others o = r.others();
            out.append(String.format("| %s | %d | %d | %.1f | %.2f | %.2f | %d | %d | %.0f | %.0f |%n", r.label(), o.toolServers(),
                    o.workforces(), o.convergeSeconds(), o.writesPerToolServer(), o.writesPerWorkforce(), o.otherWrites(), o.events(),
                    o.heapMiB(), o.rssMiB()));
        }
        return out.toString();
    }
}
