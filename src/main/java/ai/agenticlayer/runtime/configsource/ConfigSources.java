package ai.agenticlayer.runtime.configsource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import ai.agenticlayer.runtime.digest.Sha256;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

/**
 * The Secrets and ConfigMaps a container reads through {@code env} and {@code envFrom}, and a hash of what it reads,
 * put on the pod template so that a change of that content rolls the pods (a process reads its environment once).
 * Mounted volumes are left out: the kubelet refreshes their files in running pods.
 * <p>
 * The operator keeps digests, never values: {@link #digested} is what its caches hold of a Secret or ConfigMap.
 */
public final class ConfigSources {

    /** On the pod template: changes when referenced content changes, and so rolls the pods. */
    public static final String HASH_ANNOTATION = "runtime.agentic-layer.ai/config-hash";

    public enum Kind {
        Secret, ConfigMap
    }

    /** One source: every key of it ({@code key} null, from envFrom) or one key (from env valueFrom). */
    public record Reference(Kind kind, String name, String key) {
        static final Comparator<Reference> ORDER = Comparator.comparing(Reference::kind).thenComparing(Reference::name)
                .thenComparing(Reference::key, Comparator.nullsFirst(Comparator.naturalOrder()));

        /** The index key of the referenced object, as {@link #indexKey(Kind, String, String)} gives it. */
        public String indexKey(String namespace) {
            return ConfigSources.indexKey(kind, namespace, name);
        }
    }

    /** The digests of a Secret's or ConfigMap's keys, in the namespace of the object that reads it; empty if absent. */
    @FunctionalInterface
    public interface Lookup {
        Optional<Map<String, String>> digests(Kind kind, String namespace, String name);
    }

    /** Where Secrets and ConfigMaps are not watched (the rollout is switched off): no hash at all. */
    public static final Lookup UNTRACKED = (kind, namespace, name) -> {
        throw new IllegalStateException("Secrets and ConfigMaps are not tracked");
    };

    private ConfigSources() {
    }

    public static SortedSet<Reference> of(List<EnvVar> env, List<EnvFromSource> envFrom) {
        SortedSet<Reference> references = new TreeSet<>(Reference.ORDER);
        for (EnvVar variable : env == null ? List.<EnvVar> of() : env) {
            var from = variable.getValueFrom();
            if (from != null && from.getSecretKeyRef() != null && from.getSecretKeyRef().getName() != null) {
                references.add(new Reference(Kind.Secret, from.getSecretKeyRef().getName(), from.getSecretKeyRef().getKey()));
            }
            if (from != null && from.getConfigMapKeyRef() != null && from.getConfigMapKeyRef().getName() != null) {
                references.add(new Reference(Kind.ConfigMap, from.getConfigMapKeyRef().getName(), from.getConfigMapKeyRef().getKey()));
            }
        }
        for (EnvFromSource source : envFrom == null ? List.<EnvFromSource> of() : envFrom) {
            if (source.getSecretRef() != null && source.getSecretRef().getName() != null) {
                references.add(new Reference(Kind.Secret, source.getSecretRef().getName(), null));
            }
            if (source.getConfigMapRef() != null && source.getConfigMapRef().getName() != null) {
                references.add(new Reference(Kind.ConfigMap, source.getConfigMapRef().getName(), null));
            }
        }
        return references;
    }

    /**
     * The hash of the referenced content, or empty when nothing is referenced or nothing is tracked (the pod template
     * then carries no annotation). A missing source counts as its own state: when it appears, the pods roll and can start.
     */
    public static Optional<String> hash(String namespace, SortedSet<Reference> references, Lookup lookup) {
        if (references.isEmpty() || lookup == UNTRACKED) {
            return Optional.empty();
        }
        StringBuilder content = new StringBuilder();
        for (Reference reference : references) {
            content.append(reference.kind()).append('/').append(reference.name());
            Optional<Map<String, String>> digests = lookup.digests(reference.kind(), namespace, reference.name());
            if (digests.isEmpty()) {
                content.append(" absent");
            } else if (reference.key() == null) {
                new TreeMap<>(digests.get()).forEach((key, digest) -> content.append(' ').append(key).append('=').append(digest));
            } else {
                content.append(' ').append(reference.key()).append('=').append(digests.get().getOrDefault(reference.key(), "absent"));
            }
            content.append('\n');
        }
        return Optional.of(Sha256.hex(content.toString().getBytes(StandardCharsets.UTF_8), 16));
    }

    public static String indexKey(Kind kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }

    /** A Secret as the operator keeps it: its identity and a digest of each key's decoded value. */
    public static Secret digested(Secret secret) {
        Map<String, String> digests = new TreeMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, value) -> digests.put(key, Sha256.hex(decodeBase64(value), 32)));
        }
        if (secret.getStringData() != null) { // only in files given to render: the API server merges it into data
            secret.getStringData().forEach((key, value) -> digests.put(key, Sha256.hex(value.getBytes(StandardCharsets.UTF_8), 32)));
        }
        return new SecretBuilder().withMetadata(identity(secret.getMetadata())).withData(digests).build();
    }

    /** A ConfigMap as the operator keeps it: its identity and a digest of each key's value. */
    public static ConfigMap digested(ConfigMap configMap) {
        Map<String, String> digests = new TreeMap<>();
        if (configMap.getData() != null) {
            configMap.getData().forEach((key, value) -> digests.put(key, Sha256.hex(value.getBytes(StandardCharsets.UTF_8), 32)));
        }
        if (configMap.getBinaryData() != null) {
            configMap.getBinaryData().forEach((key, value) -> digests.put(key, Sha256.hex(decodeBase64(value), 32)));
        }
        return new ConfigMapBuilder().withMetadata(identity(configMap.getMetadata())).withData(digests).build();
    }

    private static ObjectMeta identity(ObjectMeta metadata) {
        return new ObjectMetaBuilder().withName(metadata.getName()).withNamespace(metadata.getNamespace())
                .withUid(metadata.getUid()).withResourceVersion(metadata.getResourceVersion()).build();
    }

    private static byte[] decodeBase64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return value.getBytes(StandardCharsets.UTF_8); // not base64: digest it as it is
        }
    }
}
