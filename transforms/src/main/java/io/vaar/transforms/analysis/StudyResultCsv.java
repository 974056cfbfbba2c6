package io.vaar.transforms.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.vaar.sem.InvarianceSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The analysis tables as CSV for spreadsheets and notebooks: {@code paths.csv} (one row per
 * model and expected path), {@code profiles.csv} (one row per model and scale) and
 * {@code invariance.csv} (one row per level). Undefined numbers are empty cells. With a human
 * reference group, {@code paths.csv} gains a last column {@code role} ({@code model} or
 * {@code human_reference}) and, after the models, one row per path of the human group with the
 * sign it gives VAAR in {@code expected} (empty where it is not significant) and no verdict.
 */
public final class StudyResultCsv {

  private static final CsvMapper CSV = new CsvMapper();

  private StudyResultCsv() {
  }

  public static String paths(StudyResult result) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (VaarScore.GroupVaar group : result.vaar()) {
      VaarBootstrap.GroupInterval interval = result.interval(group.group());
      for (int p = 0; p < group.paths().size(); p++) {
        VaarScore.PathVerdict path = group.paths().get(p);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", group.group());
        row.put("lhs", path.lhs());
        row.put("rhs", path.rhs());
        row.put("expected", path.expected().symbol());
        row.put("est", number(path.est()));
        row.put("se", number(path.se()));
        row.put("pvalue", number(path.pvalue()));
        row.put("std.all", number(path.stdAll()));
        row.put("agree", path.agree());
        row.put("ci_lower", interval == null ? "" : number(interval.paths().get(p).lower()));
        row.put("ci_upper", interval == null ? "" : number(interval.paths().get(p).upper()));
        row.put("vaar", number(group.vaar()));
        row.put("vaar_ci_lower", interval == null ? "" : number(interval.vaarLower()));
        row.put("vaar_ci_upper", interval == null ? "" : number(interval.vaarUpper()));
        row.put("soft_vaar", interval == null ? "" : number(interval.softVaar()));
        if (result.reference() != null) {
          row.put("role", "model");
        }
        rows.add(row);
      }
    }
    if (result.reference() != null) {
      rows.addAll(referenceRows(result.reference(), rows.get(0).keySet()));
    }
    return write(rows);
  }

  private static List<Map<String, Object>> referenceRows(ReferenceGroup reference,
      Iterable<String> columns) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ReferenceGroup.ReferencePath path : reference.paths()) {
      Map<String, Object> row = new LinkedHashMap<>();
      columns.forEach(column -> row.put(column, ""));
      row.put("model", reference.group());
      row.put("lhs", path.lhs());
      row.put("rhs", path.rhs());
      row.put("expected", path.inVaar() ? path.sign().symbol() : "");
      row.put("est", number(path.est()));
      row.put("se", number(path.se()));
      row.put("pvalue", number(path.pvalue()));
      row.put("std.all", number(path.stdAll()));
      row.put("role", "human_reference");
      rows.add(row);
    }
    return rows;
  }

  public static String profiles(StudyResult result) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ModelProfile profile : result.profiles()) {
      for (ScaleProfile scale : profile.scales()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", profile.model());
        row.put("scale", scale.factor());
        row.put("n", scale.n());
        row.put("mean", number(scale.mean()));
        row.put("sd", number(scale.sd()));
        row.put("alpha", number(scale.cronbachAlpha()));
        row.put("omega", number(scale.omega()));
        row.put("latent_mean", number(scale.latentMean()));
        row.put("invalid_rate", number(profile.counts().invalidRate()));
        row.put("refusal_rate", number(profile.counts().refusalRate()));
        row.put("error_rate", number(profile.counts().errorRate()));
        rows.add(row);
      }
    }
    return write(rows);
  }

  public static String invariance(StudyResult result) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (InvarianceSequence.Step step : result.invariance()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("level", step.level().word());
      for (String measure : StudyResult.INVARIANCE_MEASURES) {
        row.put(measure, number(step.fit().measure(measure)));
      }
      row.put("chisq_diff", number(step.chisqDiff()));
      row.put("df_diff", number(step.dfDiff()));
      row.put("pvalue", number(step.pvalue()));
      row.put("cfi_diff", number(step.cfiDiff()));
      row.put("rmsea_diff", number(step.rmseaDiff()));
      rows.add(row);
    }
    return write(rows);
  }

  private static Object number(double value) {
    return Double.isFinite(value) ? value : "";
  }

  private static String write(List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    rows.get(0).keySet().forEach(schema::addColumn);
    try {
      return CSV.writer(schema.build()).writeValueAsString(rows);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain values always serialise as CSV", e);
    }
  }
}
