package ai.agenticlayer.runtime.api.v1alpha1;

/** JSON paths shared by the printer columns of several kinds. */
final class PrinterColumns {
    static final String READY = ".status.conditions[?(@.type==\"Ready\")].status";
    static final String AGE = ".metadata.creationTimestamp";

    private PrinterColumns() {
    }
}
