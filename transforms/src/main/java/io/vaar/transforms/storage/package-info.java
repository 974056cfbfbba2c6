/**
 * Where a run's files live: {@link io.vaar.transforms.storage.RunStorage} reads, writes (always
 * atomically), lists and deletes the files of a run's output on any Beam file system — a local
 * directory, {@code gs://bucket/path} on Dataflow, or any scheme whose registrar is on the
 * classpath — so that the archive, the analysis, the report, the manifest and the response
 * cache never ask which one they are on.
 */
package io.vaar.transforms.storage;
