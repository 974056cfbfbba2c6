package io.vaar.transforms.analysis;

import io.vaar.sem.ParameterEstimate;
import io.vaar.sem.SemFit;
import java.util.ArrayList;
import java.util.List;

/**
 * A human reference group fitted beside the models, and the expected signs taken from it
 * (shared/docs/method.md: "the expected signs are taken from its significant paths"): every
 * structural path of the group in the fit the models are compared in, with its estimate, SE,
 * p-value and std.all, and the sign it gives VAAR — the estimate's sign where p &lt; α, none
 * where the human path is not significant. Humans showing no reliable direction on a path give
 * no standard to judge a model by there, so such a path leaves VAAR's set of judged paths P
 * (it is still reported, with no sign); a reference with no significant path at all gives VAAR
 * nothing to average over and is an error. {@code respondents} counts the group's rows,
 * {@code n} those the fit used (all with FIML, the complete ones with listwise deletion).
 */
public record ReferenceGroup(String group, String file, long respondents, long n, double alpha,
    List<ReferencePath> paths) {

  /** One structural path of the reference group; {@code sign} is null when not significant. */
  public record ReferencePath(String lhs, String rhs, double est, double se, double pvalue,
      double stdAll, ExpectedPath.Sign sign) {

    /** Whether the path has an expected sign, i.e. is one of VAAR's paths P. */
    public boolean inVaar() {
      return sign != null;
    }
  }

  public ReferenceGroup {
    paths = List.copyOf(paths);
  }

  /**
   * The reference group's regression paths in a fit, in the fit's parameter order.
   *
   * @param file where the group's data came from, as the user named it (shown in the output)
   * @param respondents the group's rows in that file
   */
  public static ReferenceGroup fromFit(SemFit fit, String group, double alpha, String file,
      long respondents) {
    int index = fit.groups().indexOf(group);
    if (index < 0) {
      throw new IllegalArgumentException("the fit has no group '" + group + "'; groups are "
          + fit.groups());
    }
    List<ReferencePath> paths = new ArrayList<>();
    for (ParameterEstimate p : fit.parameters()) {
      if (p.op().equals("~") && p.group() == index + 1) {
        boolean significant = p.pvalue() < alpha && p.est() != 0;
        paths.add(new ReferencePath(p.lhs(), p.rhs(), p.est(), p.se(), p.pvalue(), p.stdAll(),
            significant ? (p.est() > 0 ? ExpectedPath.Sign.POSITIVE : ExpectedPath.Sign.NEGATIVE)
                : null));
      }
    }
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("the model has no regression path for the reference "
          + "group '" + group + "' to give expected signs");
    }
    return new ReferenceGroup(group, file, respondents, fit.groupSizes().get(index), alpha,
        paths);
  }

  /**
   * The expected signs VAAR judges against: the significant paths, weight 1 each.
   *
   * @throws IllegalArgumentException when no path of the reference group is significant
   */
  public List<ExpectedPath> expected() {
    List<ExpectedPath> expected = paths.stream().filter(ReferencePath::inVaar)
        .map(p -> new ExpectedPath(p.lhs(), p.rhs(), p.sign())).toList();
    if (expected.isEmpty()) {
      throw new IllegalArgumentException("no path of the human reference group '" + group
          + "' (" + file + ", n = " + respondents + ") is significant at alpha = "
          + alpha + ", so it gives VAAR no expected sign; "
          + "add respondents, or leave the human reference out to judge against the "
          + "literature's signs");
    }
    return expected;
  }

  /** The paths left out of VAAR because the human estimate is not significant. */
  public List<ReferencePath> dropped() {
    return paths.stream().filter(p -> !p.inVaar()).toList();
  }
}
