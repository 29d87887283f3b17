package ai.agenticlayer.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * The fabric8 CRUD mock API server taught server-side apply, so that tests send the requests production sends.
 * <p>
 * An apply creates the object when it is absent (refusing with 409 when the apply carries a resourceVersion that does
 * not match an existing object). When it is present, the fields the previous apply set and this one does not are
 * removed, the applied fields are merged in (objects merged, lists replaced), and an apply that changes nothing changes
 * nothing, like a real no-op apply (no new resourceVersion, no watch event). A write by anyone else (PUT, or a
 * non-apply PATCH) takes over the fields it changes, so a later apply no longer removes them. Every request is
 * recorded so that tests can count what the operator wrote.
 */
public class ApplyingCrudDispatcher extends KubernetesCrudDispatcher {

    /** A request and the status code it was answered with. */
    public record Request(String method, String path, String contentType, String body, String host, int status) {
        public boolean isWrite() {
            return !method.equals("GET");
        }

        public boolean isApply() {
            return method.equals("PATCH") && contentType != null && contentType.startsWith(APPLY_PATCH);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLY_PATCH = "application/apply-patch";
    private static final String RULES_REVIEW = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";
    private final Map<String, JsonNode> appliedFields = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String body = bodyOf(request);
        MockResponse response = respond(request);
        requests.add(new Request(request.getMethod(), request.getPath(), request.getHeader("Content-Type"), body,
                request.getHeader("Host"), response.code()));
        return response;
    }

    private MockResponse respond(RecordedRequest request) {
        String contentType = request.getHeader("Content-Type");
        if ("GET".equals(request.getMethod())) {
            var discovery = ApiDiscovery.document(request.getPath().replaceFirst("\\?.*$", ""),
                    () -> read(handleGet("/apis/apiextensions.k8s.io/v1/customresourcedefinitions").getBody().readUtf8()));
            if (request.getPath().startsWith("/openapi/")) {
                return new MockResponse().setResponseCode(404); // no OpenAPI documents: clients skip their validation
            }
            if (discovery.isPresent()) {
                return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(discovery.get());
            }
        }
        if ("POST".equals(request.getMethod()) && request.getPath().startsWith(RULES_REVIEW)) {
            // the mock enforces no RBAC: say so when asked (the SDK asks before it takes part in leader election)
            return new MockResponse().setResponseCode(201).setBody("{\"apiVersion\":\"authorization.k8s.io/v1\","
                    + "\"kind\":\"SelfSubjectRulesReview\",\"status\":{\"incomplete\":false,\"nonResourceRules\":[],"
                    + "\"resourceRules\":[{\"apiGroups\":[\"*\"],\"resources\":[\"*\"],\"verbs\":[\"*\"]}]}}");
        }
        if ("PATCH".equals(request.getMethod()) && contentType != null && contentType.startsWith(APPLY_PATCH)) {
            synchronized (this) {
                return apply(request);
            }
        }
        if ("PUT".equals(request.getMethod()) || "PATCH".equals(request.getMethod())) {
            synchronized (this) {
                String path = pathOf(request);
                JsonNode before = current(objectPath(path));
                MockResponse response = super.dispatch(request);
                releaseFieldsChangedByOthers(objectPath(path), before, current(objectPath(path)));
                return response;
            }
        }
        return super.dispatch(request);
    }

    /** The body as text, read without consuming it (the dispatcher still needs it). */
    private static String bodyOf(RecordedRequest request) {
        return request.getBody() == null ? "" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
    }

    /** Every request received so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private MockResponse apply(RecordedRequest request) {
        String path = pathOf(request);
        boolean status = path.endsWith("/status");
        String objectPath = objectPath(path);
        ObjectNode applied = (ObjectNode) read(request.getBody().readUtf8());
        JsonNode current = current(objectPath);
        String appliedVersion = applied.path("metadata").path("resourceVersion").asText("");
        ((ObjectNode) applied.path("metadata")).remove("resourceVersion");

        if (current == null) {
            if (status) {
                return new MockResponse().setResponseCode(404);
            }
            appliedFields.put(objectPath, applied);
            return handleCreate(synthetic(HttpMethod.POST, objectPath.substring(0, objectPath.lastIndexOf('/')), applied));
        }
        String currentVersion = current.path("metadata").path("resourceVersion").asText();
        if (!appliedVersion.isEmpty() && !appliedVersion.equals(currentVersion)) {
            return conflict(objectPath);
        }
        String key = status ? objectPath + "/status" : objectPath;
        JsonNode owned = status ? applied.path("status") : withoutStatus(applied);
        ObjectNode merged = current.deepCopy();
        ObjectNode target = status ? objectAt(merged, "status") : merged;
        JsonNode previous = appliedFields.get(key);
        if (previous != null) {
            removeReleasedFields(target, previous, owned);
        }
        mergeInto(target, owned);
        appliedFields.put(key, owned);
        if (merged.equals(current)) {
            return new MockResponse().setResponseCode(200).setBody(current.toString());
        }
        return handleUpdate(synthetic(HttpMethod.PUT, path, merged));
    }

    private static JsonNode withoutStatus(ObjectNode applied) {
        ObjectNode copy = applied.deepCopy();
        copy.remove("status");
        return copy;
    }

    /** Fields the previous apply set that this apply leaves out are no longer wanted: remove them. */
    private static void removeReleasedFields(ObjectNode target, JsonNode previous, JsonNode applied) {
        for (Iterator<Map.Entry<String, JsonNode>> it = previous.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode now = applied.get(field.getKey());
            if (now == null) {
                target.remove(field.getKey());
            } else if (field.getValue().isObject() && now.isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                removeReleasedFields(nested, field.getValue(), now);
            }
        }
    }

    private static void mergeInto(ObjectNode target, JsonNode applied) {
        applied.fields().forEachRemaining(field -> {
            if (field.getValue().isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                mergeInto(nested, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
    }

    /** Someone else changed fields the applier set: they own them now, and a later apply leaves them alone. */
    private void releaseFieldsChangedByOthers(String objectPath, JsonNode before, JsonNode after) {
        for (String key : List.of(objectPath, objectPath + "/status")) {
            JsonNode owned = appliedFields.get(key);
            if (owned != null && before != null && after != null) {
                boolean status = key.endsWith("/status");
                JsonNode copy = owned.deepCopy();
                dropChanged((ObjectNode) copy, status ? before.path("status") : before, status ? after.path("status") : after);
                appliedFields.put(key, copy);
            }
        }
    }

    private static void dropChanged(ObjectNode owned, JsonNode before, JsonNode after) {
        List<String> names = new ArrayList<>();
        owned.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = owned.get(name);
            if (value.isObject() && before.path(name).isObject() && after.path(name).isObject()) {
                dropChanged((ObjectNode) value, before.path(name), after.path(name));
            } else if (!before.path(name).equals(after.path(name))) {
                owned.remove(name);
            }
        }
    }

    private JsonNode current(String objectPath) {
        MockResponse response = handleGet(objectPath);
        return response.code() == 200 ? read(response.getBody().readUtf8()) : null;
    }

    private static MockResponse conflict(String objectPath) {
        return new MockResponse().setResponseCode(409).setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"reason\":\"Conflict\",\"code\":409,\"message\":\"Operation cannot be fulfilled on " + objectPath
                + ": the object has been modified; please apply your changes to the latest version and try again\"}");
    }

    private static RecordedRequest synthetic(HttpMethod method, String path, JsonNode body) {
        Headers headers = Headers.builder().add("Content-Type", "application/json").build();
        return new RecordedRequest("HTTP/1.1", method, path, headers, new Buffer().writeUtf8(body.toString()));
    }

    private static ObjectNode objectAt(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode node ? node : parent.putObject(field);
    }

    private static String pathOf(RecordedRequest request) {
        String path = request.getPath();
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String objectPath(String path) {
        return path.endsWith("/status") ? path.substring(0, path.length() - "/status".length()) : path;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
