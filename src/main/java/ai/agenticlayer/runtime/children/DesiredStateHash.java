package ai.agenticlayer.runtime.children;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import ai.agenticlayer.runtime.digest.CanonicalJson;
import ai.agenticlayer.runtime.digest.Sha256;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A hash of the desired state, kept as an annotation on each child. Comparing only the fields the operator sets would
 * miss a field it stopped setting (a label removed from commonMetadata, say); the hash changes then, and the next
 * server-side apply drops the field.
 */
public final class DesiredStateHash {

    public static final String ANNOTATION = "runtime.agentic-layer.ai/desired-state-hash";

    private DesiredStateHash() {
    }

    /** Annotates the desired object with the hash of its content (without the annotation itself). */
    public static <R extends HasMetadata> R annotate(R desired) {
        Map<String, String> annotations = desired.getMetadata().getAnnotations() == null ? new HashMap<>()
                : new HashMap<>(desired.getMetadata().getAnnotations());
        annotations.remove(ANNOTATION);
        desired.getMetadata().setAnnotations(annotations);
        annotations.put(ANNOTATION, of(desired));
        return desired;
    }

    public static String of(HasMetadata desired) {
        return Sha256.hex(CanonicalJson.ofResource(desired).getBytes(StandardCharsets.UTF_8), 16);
    }

    public static String on(HasMetadata actual) {
        Map<String, String> annotations = actual.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(ANNOTATION);
    }
}
