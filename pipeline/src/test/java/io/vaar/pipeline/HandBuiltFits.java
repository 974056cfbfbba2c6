package io.vaar.pipeline;

import io.vaar.sem.ParameterEstimate;
import io.vaar.sem.SemFit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small {@link SemFit}s written by hand, so that the command can be tested without the fitter. */
final class HandBuiltFits {

  private HandBuiltFits() {
  }

  static SemFit twoGroups(boolean converged) {
    Map<String, Double> fit = new LinkedHashMap<>();
    fit.put("npar", 60.0);
    fit.put("chisq", 115.851);
    fit.put("df", 48.0);
    fit.put("pvalue", 1.545e-07);
    fit.put("cfi", 0.923);
    fit.put("rmsea", 0.0969);
    fit.put("rmsea.pvalue", Double.NaN);
    List<ParameterEstimate> parameters = List.of(
        new ParameterEstimate("visual", "=~", "x1", 1, "", false, 1.0, 0.0, Double.NaN, Double.NaN,
            1.047, 0.887),
        new ParameterEstimate("visual", "=~", "x2", 1, "", true, 0.394, 0.122, 3.22, 0.00128, 0.412,
            0.336),
        new ParameterEstimate("visual", "=~", "x2", 2, "", true, 0.736, 0.155, 4.75, 2.0e-6, 0.595,
            0.507));
    Map<String, Double> r2 = new LinkedHashMap<>();
    r2.put("x1", 0.786);
    return new SemFit(converged, "ML", "listwise", List.of("Pasteur", "Grant-White"), List.of(156L, 145L),
        fit, parameters, List.of(r2, Map.of("x1", 0.5)), List.of(), 42);
  }
}
