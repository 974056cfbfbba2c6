package io.vaar.transforms.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vaar.transforms.instruments.Instrument;
import io.vaar.transforms.instruments.InstrumentItem;
import io.vaar.transforms.instruments.ResponseScale;
import io.vaar.transforms.personas.Persona;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * All text the protocol sends to a model — the system message around the persona, the
 * instructions that open a block, the item question with its scale, and the corrective re-ask —
 * kept in one resource file ({@code prompts.yaml}) so that wording changes are reviewed as text,
 * not hunted through code. Placeholders are {@code {name}}; each template may use only its own.
 */
public final class PromptTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "system", Set.of("persona"),
      "block_intro", Set.of("instructions", "title", "question"),
      "item", Set.of("statement", "scale", "min", "max"),
      "scale_point", Set.of("value", "label"),
      "scale_separator", Set.of(),
      "corrective", Set.of("min", "max"));

  private final Map<String, String> templates;

  private PromptTemplates(Map<String, String> templates) {
    this.templates = templates;
  }

  /** The wording shipped with vaar. */
  public static PromptTemplates builtin() {
    try (InputStream in = PromptTemplates.class.getResourceAsStream("prompts.yaml")) {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, String> templates = ALLOWED.keySet().stream().collect(Collectors.toMap(
          name -> name, name -> checked(name, root.path(name).asText(null))));
      return new PromptTemplates(templates);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read built-in prompts.yaml", e);
    }
  }

  private static String checked(String name, String template) {
    if (template == null) {
      throw new IllegalStateException("prompts.yaml lacks template '" + name + "'");
    }
    Matcher placeholder = PLACEHOLDER.matcher(template);
    while (placeholder.find()) {
      if (!ALLOWED.get(name).contains(placeholder.group(1))) {
        throw new IllegalStateException("prompts.yaml template '" + name
            + "' uses unknown placeholder {" + placeholder.group(1) + "}");
      }
    }
    return template;
  }

  public String system(Persona persona) {
    return fill("system", Map.of("persona", persona.profileLines()));
  }

  /** The question for an item, opened by the block's instructions when it is the block's first. */
  public String item(Instrument instrument, InstrumentItem item, boolean opensBlock) {
    ResponseScale scale = instrument.scale();
    String question = fill("item", Map.of("statement", item.text(), "scale", scaleText(scale),
        "min", String.valueOf(scale.min()), "max", String.valueOf(scale.max())));
    if (!opensBlock) {
      return question;
    }
    return fill("block_intro", Map.of("instructions", instrument.instructions(),
        "title", instrument.title(), "question", question));
  }

  public String corrective(ResponseScale scale) {
    return fill("corrective",
        Map.of("min", String.valueOf(scale.min()), "max", String.valueOf(scale.max())));
  }

  private String scaleText(ResponseScale scale) {
    return scale.anchors().entrySet().stream()
        .map(anchor -> fill("scale_point",
            Map.of("value", String.valueOf(anchor.getKey()), "label", anchor.getValue())))
        .collect(Collectors.joining(templates.get("scale_separator")));
  }

  private String fill(String name, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(templates.get(name));
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      placeholder.appendReplacement(out, Matcher.quoteReplacement(values.get(placeholder.group(1))));
    }
    placeholder.appendTail(out);
    return out.toString();
  }
}
