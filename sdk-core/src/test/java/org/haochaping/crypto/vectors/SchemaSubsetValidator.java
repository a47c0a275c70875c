package org.haochaping.crypto.vectors;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks a JSON document against the subset of JSON Schema 2020-12 the vector schemas use: type, const,
 * enum, pattern, minimum, required, properties, additionalProperties (false or a schema) and items.
 * Any other keyword in a schema fails the check, so the subset cannot silently fall behind the schemas.
 */
final class SchemaSubsetValidator {

    private static final List<String> KNOWN = List.of("$schema", "$id", "title", "description", "type", "const", "enum",
            "pattern", "minimum", "required", "properties", "additionalProperties", "items");

    private SchemaSubsetValidator() {
    }

    static List<String> validate(JsonNode schema, JsonNode document) {
        List<String> errors = new ArrayList<>();
        check(schema, document, "$", errors);
        return errors;
    }

    private static void check(JsonNode schema, JsonNode node, String path, List<String> errors) {
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String keyword = it.next();
            if (!KNOWN.contains(keyword)) {
                errors.add(path + ": schema keyword '" + keyword + "' is outside the checked subset");
            }
        }
        if (schema.has("type") && !hasType(node, schema.get("type").asText())) {
            errors.add(path + ": expected " + schema.get("type").asText());
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(node)) {
            errors.add(path + ": expected " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(node);
            }
            if (!found) {
                errors.add(path + ": " + node + " not in " + schema.get("enum"));
            }
        }
        if (schema.has("pattern") && node.isTextual() && !Pattern.compile(schema.get("pattern").asText()).matcher(node.asText()).find()) {
            errors.add(path + ": does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minimum") && node.isNumber() && node.bigIntegerValue().compareTo(BigInteger.valueOf(schema.get("minimum").asLong())) < 0) {
            errors.add(path + ": below minimum " + schema.get("minimum"));
        }
        if (node.isObject()) {
            if (schema.has("required")) {
                for (JsonNode name : schema.get("required")) {
                    if (!node.has(name.asText())) {
                        errors.add(path + ": missing required '" + name.asText() + "'");
                    }
                }
            }
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String childPath = path + "." + field.getKey();
                if (properties.has(field.getKey())) {
                    check(properties.get(field.getKey()), field.getValue(), childPath, errors);
                } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                    errors.add(childPath + ": not allowed");
                } else if (additional != null && additional.isObject()) {
                    check(additional, field.getValue(), childPath, errors);
                }
            }
        }
        if (node.isArray() && schema.has("items")) {
            for (int i = 0; i < node.size(); i++) {
                check(schema.get("items"), node.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static boolean hasType(JsonNode node, String type) {
        switch (type) {
            case "object": return node.isObject();
            case "array": return node.isArray();
            case "string": return node.isTextual();
            case "integer": return node.isIntegralNumber();
            case "boolean": return node.isBoolean();
            default: throw new IllegalArgumentException("type " + type + " outside the checked subset");
        }
    }
}
