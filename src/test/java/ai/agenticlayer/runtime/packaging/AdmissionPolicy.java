package ai.agenticlayer.runtime.packaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.NullValue;

import ai.agenticlayer.runtime.render.CrdValidator;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * A ValidatingAdmissionPolicy evaluated as the API server evaluates it, with the real CEL engine: match constraints,
 * match conditions, variables, then each validation with its message or message expression. Not modelled: type
 * checking against the CRD schema and the cost budget.
 */
final class AdmissionPolicy {

    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("object", SimpleType.DYN)
            .addVar("oldObject", SimpleType.DYN)
            .addVar("request", SimpleType.DYN)
            .addVar("variables", SimpleType.DYN)
            .addCompilerLibraries(CelExtensions.strings())
            .addRuntimeLibraries(CelExtensions.strings())
            .build();
    private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

    private final JsonNode spec;

    AdmissionPolicy(JsonNode policy) {
        this.spec = policy.path("spec");
    }

    /** What the API server answers to a CREATE of an object: the messages of the failed validations. */
    List<String> create(JsonNode object) {
        return admit("CREATE", object, null);
    }

    /** What the API server answers to an UPDATE from {@code oldObject} to {@code object}. */
    List<String> update(JsonNode oldObject, JsonNode object) {
        return admit("UPDATE", object, oldObject);
    }

    private List<String> admit(String operation, JsonNode object, JsonNode oldObject) {
        if (!matchesConstraints(operation, object)) {
            return List.of();
        }
        Map<String, Object> input = new HashMap<>();
        input.put("object", CrdValidator.toCel(object));
        input.put("oldObject", oldObject == null ? NullValue.NULL_VALUE : CrdValidator.toCel(oldObject));
        input.put("request", Map.of("operation", operation));
        Map<String, Object> variables = new HashMap<>();
        input.put("variables", variables);
        for (JsonNode condition : spec.path("matchConditions")) {
            if (!Boolean.TRUE.equals(eval(condition.path("expression").asText(), input))) {
                return List.of();
            }
        }
        for (JsonNode variable : spec.path("variables")) {
            variables.put(variable.path("name").asText(), eval(variable.path("expression").asText(), input));
        }
        List<String> violations = new ArrayList<>();
        for (JsonNode validation : spec.path("validations")) {
            if (!Boolean.TRUE.equals(eval(validation.path("expression").asText(), input))) {
                violations.add(validation.has("messageExpression") ? (String) eval(validation.path("messageExpression").asText(), input)
                        : validation.path("message").asText());
            }
        }
        return violations;
    }

    private boolean matchesConstraints(String operation, JsonNode object) {
        String group = object.path("apiVersion").asText().replaceFirst("/[^/]*$", "");
        String resource = object.path("kind").asText().toLowerCase() + "s";
        for (JsonNode rule : spec.path("matchConstraints").path("resourceRules")) {
            if (contains(rule.path("apiGroups"), group) && contains(rule.path("operations"), operation)
                    && contains(rule.path("resources"), resource)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode item : list) {
            if (item.asText().equals(value) || item.asText().equals("*")) {
                return true;
            }
        }
        return false;
    }

    private static Object eval(String expression, Map<String, Object> input) {
        try {
            return PROGRAMS.computeIfAbsent(expression, AdmissionPolicy::compile).eval(input);
        } catch (CelEvaluationException e) {
            throw new AssertionError("CEL expression fails to evaluate: " + expression, e);
        }
    }

    private static CelRuntime.Program compile(String expression) {
        try {
            return CEL.createProgram(CEL.compile(expression).getAst());
        } catch (CelValidationException | CelEvaluationException e) {
            throw new AssertionError("CEL expression does not compile: " + expression, e);
        }
    }
}
