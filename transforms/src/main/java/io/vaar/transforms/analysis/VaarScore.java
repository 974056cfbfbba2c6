package io.vaar.transforms.analysis;

import io.vaar.sem.ParameterEstimate;
import io.vaar.sem.SemFit;
import java.util.ArrayList;
import java.util.List;

/**
 * The Value–Action Alignment Rate of shared/docs/method.md for every group of a fit: the
 * (weighted) share of expected paths whose estimate has the human sign and a p-value below α.
 * A path the fit does not contain is an error, not a silent zero.
 */
public final class VaarScore {

  /** One path of one group, judged. */
  public record PathVerdict(String lhs, String rhs, ExpectedPath.Sign expected, double est,
      double se, double pvalue, double stdAll, boolean agree) {
  }

  /** VAAR of one group with the paths behind it. */
  public record GroupVaar(String group, long n, double vaar, List<PathVerdict> paths) {

    public GroupVaar {
      paths = List.copyOf(paths);
    }
  }

  private VaarScore() {
  }

  public static List<GroupVaar> score(SemFit fit, List<ExpectedPath> expected, double alpha) {
    if (expected.isEmpty()) {
      throw new IllegalArgumentException("VAAR needs at least one expected path");
    }
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must lie between 0 and 1, not " + alpha);
    }
    List<GroupVaar> groups = new ArrayList<>();
    for (int g = 0; g < fit.groups().size(); g++) {
      List<PathVerdict> verdicts = new ArrayList<>();
      double agreeing = 0;
      double total = 0;
      for (ExpectedPath path : expected) {
        ParameterEstimate estimate = fit.parameter(path.lhs(), "~", path.rhs(), g + 1);
        if (estimate == null) {
          throw new IllegalArgumentException("the model has no path " + path.lhs() + " ~ "
              + path.rhs() + "; expected paths must be regressions of the model");
        }
        boolean agree = path.sign().agreesWith(estimate.est()) && estimate.pvalue() < alpha;
        verdicts.add(new PathVerdict(path.lhs(), path.rhs(), path.sign(), estimate.est(),
            estimate.se(), estimate.pvalue(), estimate.stdAll(), agree));
        agreeing += agree ? path.weight() : 0;
        total += path.weight();
      }
      groups.add(new GroupVaar(fit.groups().get(g), fit.groupSizes().get(g), agreeing / total,
          verdicts));
    }
    return groups;
  }
}
