/**
 * Who the model is asked to be. A {@link io.vaar.transforms.personas.Persona} is an id and an
 * ordered set of attributes; {@link io.vaar.transforms.personas.PersonaGenerator} draws persona
 * {@code i} from {@code (seed, i)} alone, so any worker can rebuild any persona without the
 * others, and {@link io.vaar.transforms.personas.PersonaFile} loads a user's own personas from
 * JSONL or CSV.
 */
package io.vaar.transforms.personas;
