package io.vaar.pipeline.options;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/**
 * The parameters of vaar's Dataflow Flex Template ({@code deploy/dataflow/metadata.json}): the
 * run config to audit, and optionally a run id and an output that replace the config's
 * {@code run.id} and {@code run.output} ({@code --runId}, {@code --output}, from {@link
 * RunOptions}) and the archive's shard count. The template
 * launcher passes them as {@code --name=value} together with Dataflow's own options
 * ({@code --project}, {@code --region}, {@code --tempLocation} …).
 */
@Description("The Flex Template's parameters: the run config and where the run writes")
public interface AuditTemplateOptions extends VaarPipelineOptions {

  @Description("The run config (YAML): a gs:// URL such as gs://bucket/audits/weekly.yaml, or a"
      + " path inside the launcher's container")
  @Validation.Required
  String getConfig();

  void setConfig(String config);
}
