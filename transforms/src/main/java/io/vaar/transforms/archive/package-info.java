/**
 * The run archive as Beam transforms: {@link io.vaar.transforms.archive.WriteArchive} writes a
 * run's {@code ItemResponse} and {@code SessionRecord} records as Avro files under
 * {@code responses/} and {@code sessions/} of the run's output directory, and {@link
 * io.vaar.transforms.archive.ReadArchive} reads item responses back from the archives of one or
 * many runs, also from files written with an older version of the schema. The file layout is the
 * one in the contracts document, which users' scripts and notebooks read directly.
 */
package io.vaar.transforms.archive;
