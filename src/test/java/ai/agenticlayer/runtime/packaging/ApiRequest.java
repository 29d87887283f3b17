package ai.agenticlayer.runtime.packaging;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.agenticlayer.runtime.testing.ApplyingCrudDispatcher;

/** What the Kubernetes authorizer checks for an API request: its group, resource (with subresource), verb, namespace. */
final class ApiRequest {

    record Permission(String group, String resource, String verb, String namespace) {
        @Override
        public String toString() {
            return group + " " + resource + " " + verb + (namespace.isEmpty() ? "" : " in " + namespace);
        }
    }

    private ApiRequest() {
    }

    /**
     * The permissions a request needs. A server-side apply that creates its object is authorized as a patch and as a
     * create.
     */
    static List<Permission> permissionsFor(ApplyingCrudDispatcher.Request request) {
        URI uri = URI.create(request.path());
        List<String> segments = new ArrayList<>(Arrays.asList(uri.getPath().replaceFirst("^/", "").split("/")));
        // /api/v1/... is the core group; /apis/<group>/<version>/...
        String group = segments.get(0).equals("api") ? "" : segments.get(1);
        List<String> rest = segments.subList(segments.get(0).equals("api") ? 2 : 3, segments.size());
        String namespace = "";
        if (rest.size() > 2 && rest.get(0).equals("namespaces")) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        String resource = rest.get(0) + (rest.size() > 2 ? "/" + rest.get(2) : "");
        boolean named = rest.size() > 1;
        boolean watch = uri.getQuery() != null && uri.getQuery().contains("watch=true");
        String verb = switch (request.method()) {
            case "GET" -> named ? "get" : watch ? "watch" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> throw new IllegalArgumentException("unexpected method " + request.method());
        };
        List<Permission> needed = new ArrayList<>(List.of(new Permission(group, resource, verb, namespace)));
        if (request.isApply() && request.status() == 201) {
            needed.add(new Permission(group, resource, "create", namespace));
        }
        return needed;
    }
}
