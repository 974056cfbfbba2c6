package io.vaar.transforms.audit;

import io.vaar.transforms.personas.Persona;
import io.vaar.transforms.personas.PersonaGenerator;
import java.io.Serializable;
import java.util.List;

/**
 * The personas of a run: a generated panel, which travels to workers as just its seed and size
 * (persona {@code i} is rebuilt from {@code (seed, i)} where it is needed), or a user's loaded
 * personas, which travel whole so workers never need the original file.
 */
public final class PersonaPanel implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long seed;
  private final int size;
  private final List<Persona> loaded;

  private PersonaPanel(long seed, int size, List<Persona> loaded) {
    this.seed = seed;
    this.size = size;
    this.loaded = loaded;
  }

  public static PersonaPanel generated(long seed, int size) {
    return new PersonaPanel(seed, size, null);
  }

  public static PersonaPanel of(List<Persona> personas) {
    return new PersonaPanel(0, personas.size(), List.copyOf(personas));
  }

  public int size() {
    return size;
  }

  public Persona persona(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("persona " + index + " of a panel of " + size);
    }
    return loaded != null ? loaded.get(index) : new PersonaGenerator(seed).persona(index);
  }
}
