package io.vaar.transforms.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Typed, checked access to one mapping of a run config (a {@code models:} entry, the {@code run:}
 * section): every accessor either returns a valid value or throws a {@link ConfigException}
 * whose message starts with the mapping's label and names the key and what is allowed.
 */
final class ConfigEntry {
  final String label;
  final JsonNode node;

  ConfigEntry(String label, JsonNode node) {
    this.label = label;
    this.node = node;
  }

  ConfigException fail(String problem) {
    return new ConfigException(label + ": " + problem);
  }

  void rejectUnknownKeys(List<String> allowed) {
    List<String> unknown = new ArrayList<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      String key = unknown.get(0);
      String hint = ClosestName.among(key, allowed)
          .map(name -> " — did you mean '" + name + "'?")
          .orElse(" — allowed keys: " + String.join(", ", allowed));
      throw fail("unknown key '" + key + "'" + hint);
    }
  }

  void rejectKey(String key, String reason) {
    if (node.has(key)) {
      throw fail("key '" + key + "' " + reason + " — remove it");
    }
  }

  String requiredText(String key) {
    String value = optionalText(key);
    if (value == null) {
      throw fail("missing '" + key + "'");
    }
    return value;
  }

  String optionalText(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode() || value.asText().isBlank()) {
      throw fail("'" + key + "' must be a non-empty text value");
    }
    return value.asText().strip();
  }

  Double optionalNumber(String key, double min, double max) {
    Double value = number(key);
    if (value != null && (value < min || value > max)) {
      throw fail("'" + key + "' must be between " + plain(min) + " and " + plain(max) + ", got " + plain(value));
    }
    return value;
  }

  Double optionalTopP() {
    Double value = number("top_p");
    if (value != null && (value <= 0 || value > 1)) {
      throw fail("'top_p' must be greater than 0 and at most 1, got " + plain(value));
    }
    return value;
  }

  Double optionalPositiveNumber(String key) {
    Double value = number(key);
    if (value != null && value <= 0) {
      throw fail("'" + key + "' must be greater than 0, got " + plain(value));
    }
    return value;
  }

  Integer optionalPositiveInt(String key) {
    Long value = optionalPositiveLong(key);
    if (value != null && value > Integer.MAX_VALUE) {
      throw fail("'" + key + "' is too large: " + value);
    }
    return value == null ? null : value.intValue();
  }

  Long optionalPositiveLong(String key) {
    Long value = optionalLong(key);
    if (value != null && value <= 0) {
      throw fail("'" + key + "' must be a positive whole number, got " + value);
    }
    return value;
  }

  Long optionalLong(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw fail("'" + key + "' must be a whole number, got '" + value.asText() + "'");
    }
    return value.longValue();
  }

  private Double number(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw fail("'" + key + "' must be a number, got '" + value.asText() + "'");
    }
    return value.doubleValue();
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /** A whole number that may be zero; null when absent. */
  Integer optionalNonNegativeInt(String key) {
    Long value = optionalLong(key);
    if (value != null && (value < 0 || value > Integer.MAX_VALUE)) {
      throw fail("'" + key + "' must be a whole number of 0 or more, got " + value);
    }
    return value == null ? null : value.intValue();
  }

  /** A list of non-empty texts; null when absent. */
  List<String> optionalTextList(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray() || value.isEmpty()) {
      throw fail("'" + key + "' must be a non-empty list such as [a, b]");
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isValueNode() || element.asText().isBlank()) {
        throw fail("'" + key + "' must list non-empty names");
      }
      texts.add(element.asText().strip());
    }
    return texts;
  }
}
