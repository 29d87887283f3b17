package ai.agenticlayer.runtime.metrics;

import org.graalvm.nativeimage.RuntimeOptions;

/**
 * The native executable's heap, for the idle collection. SubstrateVM keeps the heap chunks a collection frees for the
 * next eden, up to what its policy expects eden to need; returned to the system after every collection
 * ({@code -XX:MaxHeapFree=1m}), they would be mapped again after every young collection, which cost a busy operator
 * 11.5 ms of CPU per Agent at 10,000 Agents against 8.1 to 9.5 (docs/native.md). So only the idle collection gives
 * them back: the option is lowered for that collection and set back after it. Loaded in the native executable only:
 * the jar does not carry the GraalVM SDK.
 */
final class NativeHeap {

    private static final String MAX_HEAP_FREE = "MaxHeapFree";
    private static final long ONE_MIB = 1L << 20;

    private NativeHeap() {
    }

    static synchronized void collectGivingFreeChunksBack() {
        Long kept = RuntimeOptions.get(MAX_HEAP_FREE);
        RuntimeOptions.set(MAX_HEAP_FREE, ONE_MIB);
        try {
            System.gc();
        } finally {
            RuntimeOptions.set(MAX_HEAP_FREE, kept);
        }
    }
}
