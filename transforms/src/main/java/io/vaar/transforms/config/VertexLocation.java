package io.vaar.transforms.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a Gemini model runs on Vertex AI: the Google Cloud project and the region (or
 * {@code global}). Credentials come from Application Default Credentials, never from the config.
 */
public record VertexLocation(String project, String location) implements Serializable {

  /** The region used when the config gives none. */
  public static final String DEFAULT_LOCATION = "us-central1";

  public VertexLocation {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(location, "location");
  }
}
