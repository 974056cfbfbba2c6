/**
 * The study and its Beam transforms: instruments, personas, the session protocol, chat models
 * (simulated respondents and remote providers), the analysis of the answers, and the storage of a
 * run's files on any Beam file system. Plain Java
 * classes hold the logic; Beam transforms only adapt records to them.
 */
package io.vaar.transforms;
