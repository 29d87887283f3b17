package ai.agenticlayer.runtime.api.v1alpha1;

/** JSON paths shared by the printer columns of several kinds. */
final class PrinterColumns {
    static final String READY = ".status.conditions[?(@.type==\"Ready\")].status";
    /** The Paused condition the operator writes once when an object is paused, and drops when it resumes. */
    static final String PAUSED = ".status.conditions[?(@.type==\"Paused\")].status";
    static final String AGE = ".metadata.creationTimestamp";

    private PrinterColumns() {
    }
}
