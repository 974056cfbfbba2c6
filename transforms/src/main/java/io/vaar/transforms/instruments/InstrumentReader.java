package io.vaar.transforms.instruments;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one instrument file (YAML, or JSON, which is YAML too) and checks it field by field, so
 * that a mistake in a user's file is reported as the file, the field and the fix rather than as
 * a parser trace. Unknown fields are errors: a misspelt {@code reverse_keyd} must not silently
 * leave an item unreversed.
 */
public final class InstrumentReader {

  private static final Set<String> INSTRUMENT_FIELDS = Set.of("id", "version", "construct",
      "block", "title", "source", "instructions", "scale", "items");
  private static final Set<String> SCALE_FIELDS = Set.of("min", "max", "anchors");
  private static final Set<String> ITEM_FIELDS = Set.of("id", "dimension", "text", "reverse_keyed");

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  /** Reads an instrument; {@code name} is how the file is named in error messages. */
  public Instrument read(String name, InputStream in) {
    JsonNode root;
    try {
      root = yaml.readTree(in);
    } catch (JacksonException e) {
      String problem = e.getOriginalMessage().lines().findFirst().orElse("").trim();
      throw new InstrumentException(name + ": not valid YAML or JSON (line "
          + e.getLocation().getLineNr() + "): " + problem);
    } catch (IOException e) {
      throw new InstrumentException(name + ": cannot be read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InstrumentException(name + ": expected a mapping with fields "
          + "id, version, construct, block, scale and items");
    }
    Fields fields = new Fields(name, "", root, INSTRUMENT_FIELDS);
    ResponseScale scale = readScale(new Fields(name, "scale.", fields.object("scale"), SCALE_FIELDS));
    return new Instrument(fields.text("id"), fields.text("version"), fields.text("construct"),
        fields.text("block"), fields.optionalText("title", ""), fields.text("source"),
        fields.text("instructions"), scale, readItems(name, fields.array("items")));
  }

  private static ResponseScale readScale(Fields scale) {
    int min = scale.integer("min");
    int max = scale.integer("max");
    if (min >= max) {
      throw scale.error("scale.max", "must be greater than scale.min (" + min + ")");
    }
    JsonNode anchorNode = scale.object("anchors");
    Map<Integer, String> anchors = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = anchorNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      int point;
      try {
        point = Integer.parseInt(entry.getKey().trim());
      } catch (NumberFormatException e) {
        throw scale.error("scale.anchors", "key '" + entry.getKey() + "' is not a scale point");
      }
      if (point < min || point > max) {
        throw scale.error("scale.anchors", "point " + point + " is outside " + min + ".." + max);
      }
      if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
        throw scale.error("scale.anchors." + point, "must be a label such as 'Strongly agree'");
      }
      anchors.put(point, entry.getValue().asText().trim());
    }
    if (!anchors.containsKey(min) || !anchors.containsKey(max)) {
      throw scale.error("scale.anchors", "must label at least both ends, " + min + " and " + max);
    }
    return new ResponseScale(min, max, anchors);
  }

  private static List<InstrumentItem> readItems(String name, JsonNode array) {
    if (array.isEmpty()) {
      throw new InstrumentException(name + ": field 'items' is empty; list at least one item");
    }
    List<InstrumentItem> items = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String prefix = "items[" + i + "].";
      JsonNode node = array.get(i);
      if (!node.isObject()) {
        throw new InstrumentException(name + ": " + prefix.substring(0, prefix.length() - 1)
            + " must be a mapping with id, dimension and text");
      }
      Fields item = new Fields(name, prefix, node, ITEM_FIELDS);
      String id = item.text("id");
      if (!id.matches("[A-Za-z][A-Za-z0-9_.]*")) {
        throw item.error(prefix + "id", "'" + id + "' must start with a letter and hold only "
            + "letters, digits, '_' or '.' (it becomes a column name)");
      }
      if (!ids.add(id)) {
        throw item.error(prefix + "id", "'" + id + "' is used twice; item ids must be unique");
      }
      items.add(new InstrumentItem(id, item.text("dimension"), item.text("text"),
          item.flag("reverse_keyed")));
    }
    return items;
  }

  /** Typed access to the fields of one mapping, with errors that name file and field path. */
  private static final class Fields {
    private final String file;
    private final String prefix;
    private final JsonNode node;

    Fields(String file, String prefix, JsonNode node, Set<String> allowed) {
      this.file = file;
      this.prefix = prefix;
      this.node = node;
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String field = names.next();
        if (!allowed.contains(field)) {
          throw error(prefix + field, "is not a known field; known fields are "
              + String.join(", ", allowed.stream().sorted().toList()));
        }
      }
    }

    InstrumentException error(String field, String problem) {
      return new InstrumentException(file + ": field '" + field + "' " + problem);
    }

    private JsonNode required(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        throw error(prefix + field, "is missing");
      }
      return value;
    }

    String text(String field) {
      JsonNode value = required(field);
      if (!value.isValueNode() || value.asText().isBlank()) {
        throw error(prefix + field, "must be non-empty text");
      }
      return value.asText().trim();
    }

    String optionalText(String field, String fallback) {
      return node.hasNonNull(field) ? text(field) : fallback;
    }

    int integer(String field) {
      JsonNode value = required(field);
      if (!value.isIntegralNumber()) {
        throw error(prefix + field, "must be a whole number, not '" + value.asText() + "'");
      }
      return value.intValue();
    }

    boolean flag(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return false;
      }
      if (!value.isBoolean()) {
        throw error(prefix + field, "must be true or false, not '" + value.asText() + "'");
      }
      return value.booleanValue();
    }

    JsonNode object(String field) {
      JsonNode value = required(field);
      if (!value.isObject()) {
        throw error(prefix + field, "must be a mapping");
      }
      return value;
    }

    JsonNode array(String field) {
      JsonNode value = required(field);
      if (!value.isArray()) {
        throw error(prefix + field, "must be a list");
      }
      return value;
    }
  }
}
