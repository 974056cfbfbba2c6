package io.vaar.pipeline;

import io.vaar.transforms.archive.WriteArchive;
import io.vaar.transforms.audit.AnalyseStudy;
import io.vaar.transforms.audit.AuditPlan;
import io.vaar.transforms.audit.RunSessions;
import io.vaar.transforms.audit.SessionTask;
import io.vaar.transforms.audit.SummarizeModels;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The audit as a Beam graph, top to bottom: plan the sessions (model × persona × replicate), run
 * them with bounded concurrency per model (each session scored as it ends), archive every record
 * as Avro, combine each model's sufficient statistics, and run the final analysis that writes
 * {@code analysis/} and the report (with the plan's human reference group, if any, beside the
 * models).
 */
public final class AuditPipeline {

  private AuditPipeline() {
  }

  public static Pipeline build(Pipeline pipeline, AuditPlan plan, int archiveShards) {
    PCollectionTuple records = pipeline
        .apply("PlanSessions", Create.of(plan.tasks())
            .withCoder(SerializableCoder.of(SessionTask.class)))
        .apply("RunSessions", RunSessions.of(plan));
    records.apply("Archive", WriteArchive.to(plan.output()).withNumShards(archiveShards));
    records.get(RunSessions.SCORED)
        .apply("SummarizeModels", SummarizeModels.ofItems(plan.itemIds().size()))
        .apply("AnalyseStudy", AnalyseStudy.with(new AnalyseStudy.Settings(plan.runId(),
            plan.output(), plan.instruments(), plan.config().run().analysis(),
            plan.config().run().bootstrapSettings(), new ReportPage(), plan.human())));
    return pipeline;
  }
}
