package io.vaar.transforms.personas;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One simulated respondent: a stable id and its attributes in presentation order (age band,
 * gender, country, …). The attributes are what the system message describes; nothing else about
 * the persona reaches the model.
 */
public record Persona(String id, Map<String, String> attributes)
    implements Serializable {

  public Persona {
    Objects.requireNonNull(id, "id");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** The attributes as the lines of a profile, {@code "- country: Kenya"}, one per attribute. */
  public String profileLines() {
    return attributes.entrySet().stream()
        .map(entry -> "- " + entry.getKey().replace('_', ' ') + ": " + entry.getValue())
        .collect(Collectors.joining("\n"));
  }
}
