package io.vaar.transforms.audit;

import java.io.Serializable;
import java.util.Objects;

/** One session to run: a model, a persona of the run's panel (by index) and a replicate. */
public record SessionTask(String modelId, int personaIndex, int replicate)
    implements Serializable {

  public SessionTask {
    Objects.requireNonNull(modelId, "modelId");
  }
}
