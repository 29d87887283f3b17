package ai.agenticlayer.runtime.api.v1alpha1;

/** Schema pattern of an http(s) URL field. */
final class HttpUrl {
    static final String PATTERN = "^https?://.+";

    private HttpUrl() {
    }
}
