package ai.agenticlayer.runtime.benchmark;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ai.agenticlayer.runtime.differential.Original;
import ai.agenticlayer.runtime.testing.MemoryCgroup;
import ai.agenticlayer.runtime.testing.PackagedOperator;

/**
 * A running operator process, ours or the original: what the benchmark reads from the kernel ({@code /proc}, its
 * memory cgroup) is the same for both; what only our metrics tell (heap in use, the SDK's reconcile counters) is NaN
 * for the original.
 */
interface OperatorProcess extends AutoCloseable {

    long pid();

    Optional<MemoryCgroup> cgroup();

    /** Heap in use, from our metrics; NaN for the original. */
    double heapMiB();

    /** The SDK's counter of Agent reconciles {@code started} or ended in {@code success}; NaN for the original. */
    double agentReconciles(String counter);

    /** Ours, to read its metrics; empty for the original. */
    Optional<PackagedOperator> ours();

    /** SIGTERM, as Kubernetes stops a pod; waits for the end. */
    @Override
    void close();

    /** Whether the process has ended, or ends within {@code timeout}. */
    default boolean exitsWithin(Duration timeout) throws InterruptedException {
        var process = ProcessHandle.of(pid());
        if (process.isEmpty()) {
            return true;
        }
        try {
            process.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the process still runs. */
    default boolean isAlive() {
        return ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /** A number from /proc/<pid>/status (VmRSS and RssAnon in KiB, Threads). */
    default double procStatus(String field) {
        return PackagedOperator.procStatus(pid(), field);
    }

    default double rssMiB() {
        return procStatus("VmRSS:") / 1024;
    }

    default Benchmark.Resident resident() {
        return new Benchmark.Resident(rssMiB(), procStatus("RssAnon:") / 1024);
    }

    record Ours(PackagedOperator operator) implements OperatorProcess {
        @Override
        public long pid() {
            return operator.pid();
        }

        @Override
        public Optional<MemoryCgroup> cgroup() {
            return operator.cgroup();
        }

        @Override
        public double heapMiB() {
            return operator.memory().heapMiB();
        }

        @Override
        public double agentReconciles(String counter) {
            return operator.metrics().lines()
                    .filter(l -> l.startsWith("operator_sdk_reconciliations_" + counter + "_total{") && l.contains("kind=\"Agent\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        }

        @Override
        public Optional<PackagedOperator> ours() {
            return Optional.of(operator);
        }

        @Override
        public void close() {
            operator.close();
        }
    }

    /** The original; stopping it leaves its webhook configurations registered, for the next process of it. */
    record OfOriginal(Original original) implements OperatorProcess {
        @Override
        public long pid() {
            return original.pid();
        }

        @Override
        public Optional<MemoryCgroup> cgroup() {
            return original.cgroup();
        }

        @Override
        public double heapMiB() {
            return Double.NaN;
        }

        @Override
        public double agentReconciles(String counter) {
            return Double.NaN;
        }

        @Override
        public Optional<PackagedOperator> ours() {
            return Optional.empty();
        }

        @Override
        public void close() {
            original.close();
        }
    }
}
