/**
 * The study and its Beam transforms: instruments, personas, the session protocol, chat models
 * (simulated respondents and remote providers) and the analysis of the answers. Plain Java
 * classes hold the logic; Beam transforms only adapt records to them.
 */
package io.vaar.transforms;
