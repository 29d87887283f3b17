package ai.agenticlayer.runtime.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;

/**
 * The worst-case cost the API server estimates for a CRD validation rule before it accepts the CRD: cel-go's checker
 * costs (identifiers and selections 1, string equality and comparison 0.1 per character of the shorter side, regex
 * matching 0.1 per character of the string times 0.25 per character of the pattern, a comprehension its range times
 * its step, other calls 1) with Kubernetes' sizes (maxLength, maxItems and maxProperties where declared, else what
 * fits in a 3 MiB request). Covers the functions the rules of this API use and refuses any other, so that a new rule
 * is estimated, not waved through; a field the schema does not have is refused too, as the API server's type check
 * refuses it. The API server allows 10,000,000 per rule times the number of places it applies,
 * and 100,000,000 per CRD.
 */
final class CelCostEstimate {

    static final long PER_RULE_LIMIT = 10_000_000L;
    static final long PER_CRD_LIMIT = 100_000_000L;
    private static final long MAX_REQUEST_BYTES = 3L * 1024 * 1024;
    /** An unbounded string: the whole request but its quotes. */
    static final long UNBOUNDED_LENGTH = MAX_REQUEST_BYTES - 2;
    /** An unbounded list or map: as many of the smallest entries ({@code {},}) as fit in a request. */
    static final long UNBOUNDED_ENTRIES = MAX_REQUEST_BYTES / 3;

    private static final JsonNode STRING = Manifests.parse("type: string");
    private static final JsonNode METADATA = Manifests.parse("type: object");
    private static final Cel PARSER = CelFactory.standardCelBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings()).build();

    /** What an expression costs and, where it stands for part of the object, its schema; a literal string's length. */
    private record Estimate(long cost, JsonNode schema, long literalSize) {
        static Estimate of(long cost) {
            return new Estimate(cost, MissingNode.getInstance(), -1);
        }

        long size() {
            if (literalSize >= 0) {
                return literalSize;
            }
            return switch (schema.path("type").asText()) {
                case "string" -> schema.path("maxLength").asLong(UNBOUNDED_LENGTH);
                case "array" -> schema.path("maxItems").asLong(UNBOUNDED_ENTRIES);
                case "object" -> schema.path("maxProperties").asLong(UNBOUNDED_ENTRIES);
                default -> 1;
            };
        }
    }

    private record Variable(String name, JsonNode schema) {
    }

    private final JsonNode self;
    private final Deque<Variable> variables = new ArrayDeque<>();

    private CelCostEstimate(JsonNode self) {
        this.self = self;
    }

    /** The estimated cost of one evaluation of the rule on the schema node that declares it. */
    static long of(String rule, JsonNode schemaOfSelf) {
        try {
            return new CelCostEstimate(schemaOfSelf).estimate(PARSER.parse(rule).getAst().getExpr()).cost();
        } catch (CelValidationException e) {
            throw new IllegalArgumentException("rule does not parse: " + rule, e);
        }
    }

    private Estimate estimate(CelExpr expr) {
        return switch (expr.getKind()) {
            case CONSTANT -> expr.constant().getKind() == CelConstant.Kind.STRING_VALUE
                    ? new Estimate(0, MissingNode.getInstance(), expr.constant().stringValue().length())
                    : Estimate.of(0);
            case IDENT -> ident(expr.ident().name());
            case SELECT -> select(expr);
            case CALL -> call(expr.call());
            case LIST -> {
                long cost = 10;
                for (CelExpr element : expr.list().elements()) {
                    cost += estimate(element).cost();
                }
                yield new Estimate(cost, MissingNode.getInstance(), expr.list().elements().size());
            }
            case COMPREHENSION -> comprehension(expr.comprehension());
            default -> throw new IllegalArgumentException("not estimated: " + expr.getKind() + " in " + expr);
        };
    }

    private Estimate ident(String name) {
        if (name.equals("self")) {
            return new Estimate(1, self, -1);
        }
        for (Variable variable : variables) {
            if (variable.name().equals(name)) {
                return new Estimate(1, variable.schema(), -1);
            }
        }
        return Estimate.of(1); // the accumulator of a comprehension
    }

    private Estimate select(CelExpr expr) {
        Estimate operand = estimate(expr.select().operand());
        String name = expr.select().field();
        JsonNode field = operand.schema().path("properties").path(name);
        if (field.isMissingNode()) {
            // the API server adds metadata itself, with name and generateName: priced here as unbounded strings
            if (name.equals("metadata") && operand.schema() == self && self.path("properties").has("spec")) {
                field = METADATA;
            } else if (operand.schema() == METADATA && (name.equals("name") || name.equals("generateName"))) {
                field = STRING;
            } else {
                List<String> known = new ArrayList<>();
                operand.schema().path("properties").fieldNames().forEachRemaining(known::add);
                throw new IllegalArgumentException("no field " + name + " (known: " + known + ")");
            }
        }
        return expr.select().testOnly() ? Estimate.of(operand.cost() + 1) : new Estimate(operand.cost() + 1, field, -1);
    }

    private Estimate call(CelExpr.CelCall call) {
        Estimate target = call.target().map(this::estimate).orElse(null);
        List<Estimate> args = call.args().stream().map(this::estimate).toList();
        long argCost = (target == null ? 0 : target.cost()) + args.stream().mapToLong(Estimate::cost).sum();
        return switch (call.function()) {
            case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_" ->
                    Estimate.of(argCost + ceilTenth(Math.min(args.get(0).size(), args.get(1).size())));
            case "matches" -> Estimate.of(argCost + ceilTenth(target.size() + 1) * (long) Math.ceil(args.get(0).size() * 0.25));
            case "@in" -> Estimate.of(argCost + args.get(1).size());
            case "_[_]" -> new Estimate(argCost + 1, element(args.get(0).schema()), -1);
            case "_?_:_" -> Estimate.of(args.get(0).cost() + Math.max(args.get(1).cost(), args.get(2).cost()));
            case "_&&_", "_||_" -> Estimate.of(argCost);
            case "size", "!_", "_+_", "_-_", "@not_strictly_false" -> Estimate.of(argCost + 1);
            default -> throw new IllegalArgumentException("not estimated: function " + call.function());
        };
    }

    private Estimate comprehension(CelExpr.CelComprehension comprehension) {
        Estimate range = estimate(comprehension.iterRange());
        long cost = range.cost() + estimate(comprehension.accuInit()).cost();
        // a list yields its items, a map its keys (strings of unbounded length)
        JsonNode element = range.schema().path("type").asText().equals("object") ? STRING : element(range.schema());
        variables.push(new Variable(comprehension.iterVar(), element));
        long step = estimate(comprehension.loopCondition()).cost() + estimate(comprehension.loopStep()).cost();
        variables.pop();
        return Estimate.of(cost + estimate(comprehension.result()).cost() + range.size() * step);
    }

    /** The items of a list, or the values of a map. */
    private static JsonNode element(JsonNode schema) {
        return schema.has("items") ? schema.path("items") : schema.path("additionalProperties");
    }

    private static long ceilTenth(long size) {
        return (long) Math.ceil(size * 0.1);
    }
}
