package ai.agenticlayer.runtime.render;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * Validates an object against a generated CRD as the API server would at {@code kubectl apply}: structural defaults
 * first, then the OpenAPI schema (a real JSON-schema validator) and every {@code x-kubernetes-validations} rule (the
 * real CEL engine), each rule evaluated with {@code self} bound to the value at its place in the object.
 */
public final class CrdValidator {

    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .addCompilerLibraries(CelExtensions.strings())
            .addRuntimeLibraries(CelExtensions.strings())
            .build();
    private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

    private final JsonNode openApiSchema;
    private final JsonSchema jsonSchema;

    public CrdValidator(JsonNode crd) {
        this.openApiSchema = crd.at("/spec/versions/0/schema/openAPIV3Schema");
        this.jsonSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(openApiSchema);
    }

    /** Error messages in the API server's style ("path: message"); empty when the object is accepted. */
    public List<String> validate(JsonNode object) {
        ObjectNode defaulted = applyDefaults(object);
        List<String> errors = new ArrayList<>();
        for (ValidationMessage message : jsonSchema.validate(defaulted)) {
            errors.add(message.getMessage());
        }
        if (errors.isEmpty()) {
            checkRules(openApiSchema, defaulted, "", errors);
        }
        return errors;
    }

    /** The object with the schema's defaults filled in, as the API server stores it. */
    public ObjectNode applyDefaults(JsonNode object) {
        ObjectNode copy = object.deepCopy();
        fillDefaults(openApiSchema, copy);
        return copy;
    }

    public JsonNode openApiSchema() {
        return openApiSchema;
    }

    private static void fillDefaults(JsonNode schema, JsonNode value) {
        if (value instanceof ObjectNode object) {
            schema.path("properties").fields().forEachRemaining(property -> {
                JsonNode defaultValue = property.getValue().get("default");
                if (!object.has(property.getKey()) && defaultValue != null) {
                    object.set(property.getKey(), defaultValue.deepCopy());
                }
                if (object.has(property.getKey())) {
                    fillDefaults(property.getValue(), object.get(property.getKey()));
                }
            });
            JsonNode additional = schema.get("additionalProperties");
            if (additional != null && additional.isObject()) {
                object.elements().forEachRemaining(element -> fillDefaults(additional, element));
            }
        } else if (value.isArray() && schema.has("items")) {
            value.elements().forEachRemaining(element -> fillDefaults(schema.get("items"), element));
        }
    }

    private static void checkRules(JsonNode schema, JsonNode value, String path, List<String> errors) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            if (!evaluate(rule.get("rule").asText(), value)) {
                errors.add((path.isEmpty() ? "<root>" : path) + rule.path("fieldPath").asText("") + ": Invalid value: "
                        + rule.get("message").asText());
            }
        }
        if (value.isObject()) {
            schema.path("properties").fields().forEachRemaining(property -> {
                if (value.has(property.getKey())) {
                    checkRules(property.getValue(), value.get(property.getKey()), child(path, property.getKey()), errors);
                }
            });
            JsonNode additional = schema.get("additionalProperties");
            if (additional != null && additional.isObject()) {
                value.fields().forEachRemaining(e -> checkRules(additional, e.getValue(), path + "[" + e.getKey() + "]", errors));
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                checkRules(schema.get("items"), value.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static String child(String path, String property) {
        return path.isEmpty() ? property : path + "." + property;
    }

    /** Evaluates one rule; a rule that does not compile or evaluate to a boolean fails the test loudly. */
    public static boolean evaluate(String rule, JsonNode self) {
        CelRuntime.Program program = PROGRAMS.computeIfAbsent(rule, CrdValidator::compile);
        try {
            Object result = program.eval(Map.of("self", toCel(self)));
            if (!(result instanceof Boolean)) {
                throw new IllegalStateException("CEL rule " + rule + " returned " + result);
            }
            return (Boolean) result;
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("CEL rule " + rule + " failed on " + self, e);
        }
    }

    private static CelRuntime.Program compile(String rule) {
        try {
            CelAbstractSyntaxTree ast = CEL.compile(rule).getAst();
            return CEL.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("CEL rule does not compile: " + rule, e);
        }
    }

    /** JSON to the values CEL expects: maps, lists, strings, booleans, 64-bit integers and doubles. */
    public static Object toCel(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                map.put(e.getKey(), toCel(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.elements().forEachRemaining(e -> list.add(toCel(e)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }
}
