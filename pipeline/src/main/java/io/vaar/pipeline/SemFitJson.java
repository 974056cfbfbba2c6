package io.vaar.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vaar.sem.ParameterEstimate;
import io.vaar.sem.SemFit;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of {@code vaar sem fit --json} as the command-line contract defines it:
 * {@code converged}, {@code estimator}, {@code groups}, {@code fit} (every measure of the fit
 * by its lavaan name, plus the contract's measures even where the fit lacks them),
 * {@code parameters} (lavaan's columns, with {@code std.lv} and {@code std.all}) and
 * {@code timing}, followed by {@code missing}, {@code warnings}, {@code r2} and {@code nobs}.
 * Undefined numbers (NaN) are written as {@code null}, and whole numbers without a fraction, as
 * R's jsonlite writes them.
 */
final class SemFitJson {

  /** The measures the contract promises in {@code fit}, null when the fit does not define them. */
  private static final List<String> CONTRACT_MEASURES = List.of("npar", "chisq", "df", "pvalue", "cfi",
      "tli", "rmsea", "rmsea.ci.lower", "rmsea.ci.upper", "srmr", "aic", "bic", "logl",
      "chisq.scaled", "chisq.scaling.factor");

  private static final JsonFactory FACTORY = new JsonFactory();

  private SemFitJson() {
  }

  /**
   * The document for a fit; {@code groupNames} lists the groups as the data names them
   * (empty when the data were not grouped, as lavaan's {@code group.labels}).
   */
  static String render(SemFit fit, List<String> groupNames, FitTiming timing) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeBooleanField("converged", fit.converged());
      json.writeStringField("estimator", fit.estimator());
      json.writeArrayFieldStart("groups");
      for (String group : groupNames) {
        json.writeString(group);
      }
      json.writeEndArray();
      writeFit(json, fit.fit());
      writeParameters(json, fit.parameters());
      json.writeObjectFieldStart("timing");
      json.writeNumberField("repeats", timing.repeats());
      number(json, "median_ms", Math.round(timing.medianMs() * 1000) / 1000.0);
      json.writeEndObject();
      json.writeStringField("missing", fit.missing());
      json.writeArrayFieldStart("warnings");
      for (String warning : fit.warnings()) {
        json.writeString(warning);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("r2");
      for (Map<String, Double> r2 : fit.r2()) {
        json.writeStartObject();
        for (Map.Entry<String, Double> e : r2.entrySet()) {
          number(json, e.getKey(), e.getValue() == null ? Double.NaN : e.getValue());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("nobs");
      for (long n : fit.groupSizes()) {
        json.writeNumber(n);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString() + System.lineSeparator();
  }

  private static void writeFit(JsonGenerator json, Map<String, Double> measures) throws IOException {
    json.writeObjectFieldStart("fit");
    for (Map.Entry<String, Double> e : measures.entrySet()) {
      number(json, e.getKey(), e.getValue() == null ? Double.NaN : e.getValue());
    }
    for (String name : CONTRACT_MEASURES) {
      if (!measures.containsKey(name)) {
        json.writeNullField(name);
      }
    }
    json.writeEndObject();
  }

  private static void writeParameters(JsonGenerator json, List<ParameterEstimate> parameters)
      throws IOException {
    json.writeArrayFieldStart("parameters");
    for (ParameterEstimate p : parameters) {
      json.writeStartObject();
      json.writeStringField("lhs", p.lhs());
      json.writeStringField("op", p.op());
      json.writeStringField("rhs", p.rhs());
      json.writeNumberField("group", p.group());
      json.writeStringField("label", p.label() == null ? "" : p.label());
      json.writeBooleanField("free", p.free());
      number(json, "est", p.est());
      number(json, "se", p.se());
      number(json, "z", p.z());
      number(json, "pvalue", p.pvalue());
      number(json, "std.lv", p.stdLv());
      number(json, "std.all", p.stdAll());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void number(JsonGenerator json, String name, double value) throws IOException {
    json.writeFieldName(name);
    if (!Double.isFinite(value)) {
      json.writeNull();
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      json.writeNumber((long) value);
    } else {
      json.writeNumber(value);
    }
  }
}
