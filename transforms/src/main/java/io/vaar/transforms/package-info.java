/**
 * The study and its Beam transforms: instruments, personas, the session protocol, model
 * clients and the VAAR analysis. This session's build holds only the module's place in the
 * dependency graph (pipeline, then transforms, then schemas and sem); the protocol lands here.
 */
package io.vaar.transforms;
