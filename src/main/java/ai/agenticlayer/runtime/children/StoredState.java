package ai.agenticlayer.runtime.children;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.zjsonpatch.DiffFlags;
import io.fabric8.zjsonpatch.JsonDiff;

/**
 * Whether the object the API server stores already holds a desired spec. The server adds fields (defaults such as a
 * Deployment's replicas and revisionHistoryLimit, a container's terminationMessagePath) and rewrites quantities into
 * their canonical form ({@code 0.5} becomes {@code 500m}); neither is a difference. A field the desired spec sets to
 * another value, or that the stored object lacks, is.
 * <p>
 * The SDK's generic matcher also reads the diff this way, but with the diff's default flags an added field whose value
 * equals one elsewhere comes as a {@code copy}, not an {@code add} ({@code replicas: 1} copied from a probe's
 * {@code successThreshold}), and counts as a change: every Deployment was applied again on every reconcile.
 */
public final class StoredState {

    private static final Pattern QUANTITY = Pattern.compile(".*/resources/(limits|requests)/[^/]+$");

    private StoredState() {
    }

    /** The differences under {@code /spec} that the stored object must be changed for, as JSON-patch operations. */
    public static List<JsonNode> differences(JsonNode desired, JsonNode stored) {
        List<JsonNode> differences = new ArrayList<>();
        for (JsonNode operation : JsonDiff.asJson(desired, stored, DiffFlags.dontNormalizeOpIntoMoveAndCopy())) {
            String path = operation.path("path").asText();
            String op = operation.path("op").asText();
            if (!path.startsWith("/spec/") || op.equals("add") || sameQuantity(op, path, desired, operation.path("value"))) {
                continue;
            }
            differences.add(operation);
        }
        return differences;
    }

    private static boolean sameQuantity(String op, String path, JsonNode desired, JsonNode stored) {
        if (!op.equals("replace") || !QUANTITY.matcher(path).matches() || !stored.isTextual()) {
            return false;
        }
        JsonNode wanted = desired.at(JsonPointer.compile(path));
        try {
            return wanted.isValueNode() && Quantity.getAmountInBytes(new Quantity(wanted.asText()))
                    .compareTo(Quantity.getAmountInBytes(new Quantity(stored.asText()))) == 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
