package ai.agenticlayer.runtime.client;

import java.io.IOException;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;

/**
 * Decodes what the API server sends into fewer objects, for the informer caches, which hold every Agent, Deployment and
 * Service the operator owns. At 1,000 Agents this takes a quarter off the live heap (docs/native.md) and is what lets
 * the native executable run at full speed in a {@code 128Mi} limit:
 * <ul>
 * <li>Every string-typed field, map value and list element goes through {@link SharedStrings}, so recurring values
 * (apiVersions, namespaces, images, environment variable names, {@code TCP}) are one instance, not a copy per object.
 * Map keys need nothing: Jackson already interns field names.</li>
 * <li>Every fabric8 model object carries a map of the fields its class does not know, almost always empty: after
 * decoding, an empty one is replaced by the shared immutable empty map. Reading it, comparing and encoding the object
 * are unchanged; adding a field to a decoded object's {@code additionalProperties} throws, which nothing in the
 * operator, the SDK or the client does (a {@link GenericKubernetesResource}, which is all additional properties,
 * keeps its map).</li>
 * </ul>
 */
@Singleton
public class CompactDecoding implements KubernetesClientObjectMapperCustomizer {

    /** 4,096 slots: 16 KiB of references, and room for the values a fleet repeats (about a hundred at 1,000 Agents). */
    private static final int SLOTS = 4096;

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model.";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("compact-decoding")
                .addDeserializer(String.class, new SharedStringDeserializer(new SharedStrings(SLOTS)))
                .setDeserializerModifier(new SharedEmptyAdditionalProperties()));
    }

    static final class SharedStringDeserializer extends StdScalarDeserializer<String> {

        private final transient SharedStrings strings;

        SharedStringDeserializer(SharedStrings strings) {
            super(String.class);
            this.strings = strings;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return strings.share(StringDeserializer.instance.deserialize(parser, context));
        }

        // as Jackson's own string deserializer, so that coercion and empty values stay as they were
        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** Wraps the deserializer of each fabric8 model class that keeps unknown fields in {@code additionalProperties}. */
    static final class SharedEmptyAdditionalProperties extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (!(deserializer instanceof BeanDeserializerBase) || !type.getName().startsWith(MODEL_PACKAGE)
                    || type == GenericKubernetesResource.class) {
                return deserializer;
            }
            AnnotatedMember getter = description.findAnyGetter();
            AnnotatedMethod setter = description.findMethod("setAdditionalProperties", new Class<?>[] { Map.class });
            return getter == null || setter == null ? deserializer : new EmptyAdditionalPropertiesShared(deserializer, getter, setter);
        }
    }

    static final class EmptyAdditionalPropertiesShared extends DelegatingDeserializer {

        private final transient AnnotatedMember getter;
        private final transient AnnotatedMethod setter;

        EmptyAdditionalPropertiesShared(JsonDeserializer<?> delegate, AnnotatedMember getter, AnnotatedMethod setter) {
            super(delegate);
            this.getter = getter;
            this.setter = setter;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new EmptyAdditionalPropertiesShared(delegate, getter, setter);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object decoded = super.deserialize(parser, context);
            if (decoded != null && getter.getValue(decoded) instanceof Map<?, ?> additional && additional.isEmpty()) {
                try {
                    setter.callOnWith(decoded, Map.of());
                } catch (Exception e) {
                    throw JsonMappingException.from(parser, "cannot share the empty additionalProperties of " + decoded.getClass().getName(), e);
                }
            }
            return decoded;
        }
    }
}
