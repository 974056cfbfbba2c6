package io.vaar.pipeline.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * How the run's archive of item responses and session records is written. One file per record
 * type suits audits of up to a few hundred thousand responses; larger runs on a cluster write
 * more shards so that no single worker writes the whole archive.
 */
@Description("The archive: responses/*.avro and sessions/*.avro")
public interface ArchiveOptions extends PipelineOptions {

  @Description("Files each record type of the archive is written to (at least 1); fixed, so"
      + " that file names stay the same from run to run")
  @Default.Integer(1)
  int getArchiveShards();

  void setArchiveShards(int archiveShards);
}
