package io.vaar.pipeline;

import io.vaar.transforms.analysis.AnalysisSettings;
import io.vaar.transforms.analysis.HumanSample;
import io.vaar.transforms.analysis.VaarBootstrap;
import io.vaar.transforms.archive.ReadArchive;
import io.vaar.transforms.audit.AnalyseStudy;
import io.vaar.transforms.audit.ScoreSessions;
import io.vaar.transforms.audit.SummarizeModels;
import io.vaar.transforms.instruments.InstrumentSet;
import java.util.List;
import org.apache.beam.sdk.Pipeline;

/**
 * Re-analyses archived item responses without calling any model: read the Avro files of one or
 * many runs, then the same scoring, combining and final analysis as {@link AuditPipeline}, so a
 * replay of an audit's archive (with the same human reference, or none) reproduces its numbers
 * exactly.
 */
public final class ReplayPipeline {

  private ReplayPipeline() {
  }

  public static Pipeline build(Pipeline pipeline, List<String> inputs, String runId,
      String output, InstrumentSet instruments, AnalysisSettings analysis,
      VaarBootstrap.Settings bootstrap, HumanSample human) {
    pipeline
        .apply("ReadArchive", ReadArchive.from(inputs))
        .apply("ScoreSessions", ScoreSessions.withItems(instruments.itemIds()))
        .apply("SummarizeModels", SummarizeModels.ofItems(instruments.itemIds().size()))
        .apply("AnalyseStudy", AnalyseStudy.with(new AnalyseStudy.Settings(runId, output,
            instruments, analysis, bootstrap, new ReportPage(), human)));
    return pipeline;
  }
}
