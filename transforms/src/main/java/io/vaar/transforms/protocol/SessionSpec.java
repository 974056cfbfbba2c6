package io.vaar.transforms.protocol;

import io.vaar.transforms.personas.Persona;
import java.io.Serializable;
import java.util.Objects;

/**
 * One session to run: which run it belongs to, which model answers, as which persona, and which
 * replicate. Its id is derived from (run id, model, persona, replicate) alone, so a re-executed
 * pipeline bundle or a resumed run produces the same id and can never record a session twice.
 * The item order is derived from (seed, persona, replicate) without the model, so every model
 * meets a given persona's questions in the same order and order effects do not differ by model.
 */
public record SessionSpec(String runId, String modelId, Persona persona, int replicate,
    long runSeed, boolean simulated) implements Serializable {

  public SessionSpec {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(persona, "persona");
    if (replicate < 0) {
      throw new IllegalArgumentException("replicate must be non-negative: " + replicate);
    }
  }

  public String sessionId() {
    return StableHash.sha256(runId, modelId, persona.id(), String.valueOf(replicate))
        .substring(0, 24);
  }

  /** The seed of the item shuffle: the same for every model. */
  public long orderSeed() {
    return StableHash.mix(runSeed, StableHash.of(persona.id()), replicate);
  }
}
