package io.vaar.transforms.audit;

import io.vaar.transforms.config.ModelSpec;
import io.vaar.transforms.instruments.InstrumentSet;
import io.vaar.transforms.protocol.StableHash;
import io.vaar.transforms.simulated.SimulatedChatModel;
import io.vaar.transforms.simulated.SimulatedProfile;
import io.vaar.transforms.simulated.SimulationSettings;

/**
 * Builds the chat model of a {@code provider: simulated} entry: its profile, and its seed — the
 * entry's {@code seed}, or one derived from its id so that two simulated models with the same
 * profile are still different people.
 */
public final class SimulatedModels {

  private SimulatedModels() {
  }

  public static SimulatedChatModel create(ModelSpec spec, InstrumentSet instruments) {
    long seed = spec.seed() != null ? spec.seed() : StableHash.of(spec.id());
    return new SimulatedChatModel(instruments, SimulatedProfile.parse(spec.profile()),
        SimulationSettings.defaults(seed));
  }
}
