package ai.agenticlayer.runtime.api.v1alpha1;

/** The syntax of a Go duration ({@code metav1.Duration}), which gateway implementations parse. */
final class GatewayDuration {
    static final String PATTERN = "^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$";

    private GatewayDuration() {
    }
}
