package ai.agenticlayer.runtime.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Compact JSON with the keys of every object sorted, as Go's encoding/json writes maps: deterministic, so that the
 * same input never yields a different environment variable or hash (which would roll pods for nothing).
 */
public final class CanonicalJson {

    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private CanonicalJson() {
    }

    /** Sorted compact JSON of a plain value (maps, lists, strings). */
    public static String of(Object value) {
        try {
            return SORTED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sorted compact JSON of a Kubernetes object, serialised the way the client sends it. */
    public static String ofResource(Object kubernetesObject) {
        return of(KUBERNETES.convertValue(kubernetesObject, JsonNode.class));
    }

    /** As {@link #of(Object)}, with Go's HTML-safe escaping of {@code <}, {@code >} and {@code &}. */
    public static String goStyle(Object value) {
        return of(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
