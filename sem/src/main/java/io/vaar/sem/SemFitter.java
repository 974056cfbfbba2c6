package io.vaar.sem;

import io.vaar.sem.data.FourthMoments;
import io.vaar.sem.data.GroupStatistics;
import io.vaar.sem.data.MissingPatterns;
import io.vaar.sem.data.SampleMoments;
import io.vaar.sem.estimation.CaseScores;
import io.vaar.sem.estimation.FisherScoring;
import io.vaar.sem.estimation.ImpliedMoments;
import io.vaar.sem.estimation.NormalLikelihood;
import io.vaar.sem.estimation.ObservedInformation;
import io.vaar.sem.estimation.RamModel;
import io.vaar.sem.estimation.SaturatedEm;
import io.vaar.sem.estimation.StartValues;
import io.vaar.sem.fit.FitMeasures;
import io.vaar.sem.fit.Standardizer;
import io.vaar.sem.linalg.BlockArrowSystem;
import io.vaar.sem.linalg.Cholesky;
import io.vaar.sem.linalg.Matrices;
import io.vaar.sem.model.ParameterRow;
import io.vaar.sem.model.ParameterTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Fits a {@link SemModel} to {@link SemData} as lavaan's {@code sem()} would: builds the
 * parameter table for the groups, prepares per-group moments (listwise) or missing-data
 * patterns with the EM saturated model (FIML), minimises the normal discrepancy by Fisher
 * scoring, and derives standard errors (expected information for ML with complete data,
 * observed information for FIML and MLR, Huber–White sandwich for MLR), fit measures with
 * the Yuan–Bentler scaled test under MLR, and the standardized solution.
 */
public final class SemFitter {
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private SemFitter() {}

  public static SemFit fit(SemModel model, SemData data, FitOptions options) {
    return fit(model, data, options, null);
  }

  /**
   * Fits starting from the estimates of an earlier fit of the same model and groups instead of
   * the moment-based starts: a bootstrap replicate's optimum lies near the point estimate, so
   * Fisher scoring needs a few steps from there. Parameters {@code start} does not have (or a
   * {@code null} start) take the usual starting values.
   */
  public static SemFit fit(SemModel model, SemData data, FitOptions options, SemFit start) {
    return fit(model, data, options, start, null);
  }

  /**
   * The inputs of fitting {@code model} to {@code data}: what every fit of the model's variables
   * to the data shares whatever its equality constraints — the moments (EM estimates under
   * FIML), the missing-data patterns and, on first use, the unrestricted model's informations —
   * so that the levels of an invariance sequence compute them once.
   */
  static GroupInputs prepare(SemModel model, SemData data, FitOptions options) {
    int groups = data.groupNames().size();
    boolean fiml = options.missing() == FitOptions.Missing.FIML;
    ParameterTable table = model.table(groups, java.util.Set.of(), groups > 1 || fiml);
    return GroupInputs.prepare(table, data, fiml,
        options.estimator() == FitOptions.Estimator.MLR);
  }

  /** As {@link #fit(SemModel, SemData, FitOptions, SemFit)}, from {@link #prepare}d inputs. */
  static SemFit fit(SemModel model, SemData data, FitOptions options, SemFit start,
      GroupInputs prepared) {
    int groups = data.groupNames().size();
    boolean fiml = options.missing() == FitOptions.Missing.FIML;
    boolean mlr = options.estimator() == FitOptions.Estimator.MLR;
    ParameterTable table = model.table(groups, options.groupEqual(), groups > 1 || fiml);
    List<String> vars = table.observed();
    int p = vars.size();
    GroupInputs in = prepared != null ? prepared : GroupInputs.prepare(table, data, fiml, mlr);
    table = table.withExogenousValues(in.means, in.covs);
    RamModel ram = table.toRamModel();
    NormalLikelihood lik = new NormalLikelihood(ram, in.units);

    int npar = table.freeCount();
    int nx = table.exogenousObserved().size();
    int ndat = 0;
    for (int g = 0; g < groups; g++) {
      ndat += p * (p + 1) / 2 + (ram.meanStructure() ? p : 0);
      ndat -= nx * (nx + 1) / 2 + (ram.meanStructure() ? nx : 0);
    }
    if (npar > ndat) {
      throw new SemInputException("the model is not identified: it has " + npar
          + " free parameters but the data give only " + ndat
          + " sample moments; fix some parameters or add indicators");
    }

    double[] initial = StartValues.of(table, in.means, in.covs);
    if (start != null) {
      warmStart(initial, table, start);
    }
    FisherScoring.Result opt = new FisherScoring(1000, options.tolerance()).minimize(lik, initial);
    if (!opt.converged()) {
      if (opt.message().contains("singular")) {
        throw new SemInputException(notIdentified(lik, opt.theta(), table));
      }
      throw new SemConvergenceException("the fit did not converge (" + opt.message()
          + "); check the model for near-zero variances or try fewer parameters");
    }
    double[] theta = opt.theta();

    // information and standard errors
    double[][] vcov;
    double[][] hessianInverse = null;
    double[][] meat = null;
    if (fiml || mlr) {
      double[][] h = ObservedInformation.of(lik, theta);
      Cholesky ch = Cholesky.of(h);
      if (ch == null) {
        throw new SemInputException(notIdentified(lik, theta, table));
      }
      hessianInverse = ch.inverse();
      vcov = hessianInverse;
      if (mlr) {
        meat = Matrices.sum(in.crossProducts(lik, theta));
        vcov = Matrices.multiply(Matrices.multiply(hessianInverse, meat), hessianInverse);
      }
    } else {
      double[] grad = new double[npar];
      BlockArrowSystem info = new BlockArrowSystem(npar, lik.parameterOwners(), groups);
      lik.evaluate(theta, grad, info);
      BlockArrowSystem.Factorization fac = info.factorize();
      if (fac == null) {
        throw new SemInputException(notIdentified(lik, theta, table));
      }
      vcov = fac.inverse();
    }
    checkIdentified(vcov, lik, theta, table);

    // fit measures
    long ntotal = in.total();
    double fmin = opt.value();
    double logl = -fmin - 0.5 * in.observedValues() * Math.log(2 * Math.PI);
    double h1Logl = in.saturatedLogl;
    double chisq = Math.max(0, 2 * (h1Logl - logl));
    int df = ndat - npar;
    FitMeasures.Test test = new FitMeasures.Test(chisq, df);
    Baseline base = BaselineModel.fit(in, table, ram.meanStructure(), mlr);
    // with fixed.x covariates lavaan reports log-likelihoods conditional on them
    double loglX = in.covariateLogl(table);
    Map<String, Double> fit = FitMeasures.compute(npar, test, base.test(), logl - loglX,
        h1Logl - loglX, ntotal, groups, srmr(lik, theta, in));
    if (mlr) {
      double traceH1 = in.traceH1();
      double traceH0 = Matrices.traceOfProduct(meat, hessianInverse);
      double c = df > 0 ? (traceH1 - traceH0) / df : Double.NaN;
      RobustMeasures.put(fit, test, c, base, ntotal, groups,
          fiml ? fimlCorrected(ram, theta, df, base, in) : RobustMeasures.Robust.of(test, c, base));
    }

    // parameter estimates and standardized solutions
    List<ParameterEstimate> estimates = new ArrayList<>();
    List<Map<String, Double>> r2 = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, Integer> index = table.variableIndex();
    String[] names = new String[index.size()];
    index.forEach((k, v) -> names[v] = k);
    for (int g = 1; g <= groups; g++) {
      final int group = g;
      List<ParameterRow> rows = table.rows().stream().filter(r -> r.group() == group).toList();
      double[] est = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        ParameterRow r = rows.get(i);
        est[i] = r.isFree() ? theta[r.free()] : r.value();
      }
      ImpliedMoments im = ram.implied(g - 1, theta);
      Standardizer std = new Standardizer(index, p, im, rows, est);
      for (int i = 0; i < rows.size(); i++) {
        ParameterRow r = rows.get(i);
        double se = r.isFree() ? Math.sqrt(vcov[r.free()][r.free()]) : 0;
        double z = r.isFree() ? est[i] / se : Double.NaN;
        double pv = r.isFree() ? 2 * (1 - STANDARD_NORMAL.cumulativeProbability(Math.abs(z)))
            : Double.NaN;
        if (r.exogenous()) {
          se = Double.NaN;
        }
        double[] s = std.standardize(r, est[i]);
        estimates.add(new ParameterEstimate(r.lhs(), r.op(), r.rhs(), g, r.label(), r.isFree(),
            est[i], se, z, pv, s[0], s[1]));
        if (r.op().equals("~~") && r.lhs().equals(r.rhs()) && est[i] < 0) {
          warnings.add("improper solution: the variance of " + r.lhs()
              + (groups > 1 ? " in group " + data.groupNames().get(g - 1) : "")
              + " is negative (" + String.format(java.util.Locale.ROOT, "%.4f", est[i])
              + "); the model may be misspecified or the sample too small");
        }
      }
      r2.add(std.rSquared(rows, names));
    }
    return new SemFit(true, mlr ? "MLR" : "ML", fiml ? "ml" : "listwise", data.groupNames(),
        in.sizes(), fit, estimates, r2, warnings, opt.iterations());
  }

  /**
   * The robust measures' ingredients with missing data: the model and the baseline corrected as
   * lavaan does ({@link FimlCorrection}); null where either cannot be computed.
   */
  private static RobustMeasures.Robust fimlCorrected(RamModel ram, double[] theta, int df,
      Baseline base, GroupInputs in) {
    if (df <= 0 || !(base.test().df() > 0)) {
      return null;
    }
    List<FimlCorrection.GroupPart> parts = in.fimlParts();
    if (parts == null) {
      return null;
    }
    FimlCorrection.Corrected model = FimlCorrection.of(ram, theta, df, in, parts);
    FimlCorrection.Corrected baseline = FimlCorrection.of(base.ram(), base.theta(),
        base.test().df(), in, parts);
    return model == null || baseline == null ? null : new RobustMeasures.Robust(model.chisq(),
        model.scaling(), baseline.chisq(), baseline.scaling());
  }

  /** Overwrites the starts of the free parameters that {@code earlier} estimated. */
  private static void warmStart(double[] theta, ParameterTable table, SemFit earlier) {
    Map<String, Double> estimates = new java.util.HashMap<>();
    for (ParameterEstimate e : earlier.parameters()) {
      estimates.put(e.lhs() + e.op() + e.rhs() + "|" + e.group(), e.est());
    }
    for (ParameterRow r : table.rows()) {
      Double value = r.isFree() ? estimates.get(r.lhs() + r.op() + r.rhs() + "|" + r.group())
          : null;
      if (value != null && Double.isFinite(value)) {
        theta[r.free()] = value;
      }
    }
  }

  private static double srmr(NormalLikelihood lik, double[] theta, GroupInputs in) {
    RamModel ram = lik.model();
    double total = 0;
    for (int g = 0; g < ram.groupCount(); g++) {
      ImpliedMoments im = ram.implied(g, theta);
      double[][] s = in.covs.get(g);
      double[] m = in.means.get(g);
      int p = s.length;
      double sum = 0;
      int count = 0;
      for (int i = 0; i < p; i++) {
        for (int j = 0; j <= i; j++) {
          double r = (s[i][j] - im.sigma()[i][j]) / Math.sqrt(s[i][i] * s[j][j]);
          sum += r * r;
          count++;
        }
      }
      if (ram.meanStructure()) {
        for (int i = 0; i < p; i++) {
          double r = (m[i] - im.mu()[i]) / Math.sqrt(s[i][i]);
          sum += r * r;
          count++;
        }
      }
      total += (double) in.sizes().get(g) / in.total() * Math.sqrt(sum / count);
    }
    return total;
  }

  private static void checkIdentified(double[][] vcov, NormalLikelihood lik, double[] theta,
      ParameterTable table) {
    for (int i = 0; i < vcov.length; i++) {
      if (!(vcov[i][i] > 0) || !Double.isFinite(vcov[i][i])) {
        throw new SemInputException(notIdentified(lik, theta, table));
      }
    }
  }

  /** Names the parameter most involved in the near-null direction of the information matrix. */
  static String notIdentified(NormalLikelihood lik, double[] theta, ParameterTable table) {
    String culprit = IdentificationDiagnosis.weakestParameter(lik, theta, table);
    return "the model is not identified: the information matrix is singular"
        + (culprit == null ? "" : " (look at " + culprit + ")")
        + "; fix a loading or variance to set each latent variable's scale, or remove parameters";
  }

  /**
   * Per-group inputs: units for the likelihood, moments for starts and SRMR, and the cases for
   * casewise scores — rows scored one by one, cases pooled in fourth moments, or both.
   */
  static final class GroupInputs {
    final List<List<NormalLikelihood.Unit>> units = new ArrayList<>();
    final List<double[]> means = new ArrayList<>();
    final List<double[][]> covs = new ArrayList<>();
    /** Per group, the rows scored one by one (null when all cases are pooled). */
    final List<double[][]> rows = new ArrayList<>();
    /** Per group, the fourth moments of the pooled cases (null when there are none). */
    final List<FourthMoments> fourth = new ArrayList<>();
    /** Per group under FIML, empty under listwise deletion. */
    final List<MissingPatterns> patterns = new ArrayList<>();
    /** Shared by the model's and the baseline's scaling factors; computed on first use. */
    private double traceH1 = Double.NaN;
    /** Per FIML group, the unrestricted model's informations at the EM estimates; on first use. */
    private List<SaturatedTrace.Saturated> saturated;
    /** The data's part of the FIML correction (null where it cannot be had); on first use. */
    private List<FimlCorrection.GroupPart> fimlParts;
    private boolean fimlPartsDone;
    /** The saturated coordinates of fixed.x covariates alone, left out of traces; or null. */
    private boolean[] dropped;
    final List<Long> n = new ArrayList<>();
    double saturatedLogl;
    long observedValues;
    boolean meanStructure;

    long total() {
      return n.stream().mapToLong(Long::longValue).sum();
    }

    List<Long> sizes() {
      return n;
    }

    long observedValues() {
      return observedValues;
    }

    static GroupInputs prepare(ParameterTable table, SemData data, boolean fiml, boolean mlr) {
      GroupInputs in = new GroupInputs();
      in.meanStructure = table.meanStructure();
      List<String> vars = table.observed();
      int p = vars.size();
      if (!table.exogenousObserved().isEmpty()) {
        boolean[] covariate = new boolean[p];
        table.exogenousObserved().forEach(x -> covariate[vars.indexOf(x)] = true);
        in.dropped = SaturatedTrace.Saturated.droppedCoordinates(p, covariate, in.meanStructure);
      }
      int[] columns = new int[p];
      for (int i = 0; i < p; i++) {
        columns[i] = data.variables().indexOf(vars.get(i));
        if (columns[i] < 0) {
          throw new SemInputException("the model uses '" + vars.get(i)
              + "' but the data have no such column (columns: " + String.join(", ",
                  data.variables().subList(0, Math.min(20, data.variables().size())))
              + (data.variables().size() > 20 ? ", …" : "") + ")");
        }
      }
      boolean caseLevel = data.hasRows() || data.hasStatistics();
      if (!caseLevel && (fiml || (mlr && !data.hasFourthMoments()))) {
        throw new SemInputException((fiml ? "FIML" : "MLR")
            + " needs the raw rows or merged group statistics" + (fiml ? "" : " or fourth-order moments")
            + ", not only means and covariances; pass them or use ML with listwise deletion");
      }
      for (int g = 0; g < data.groupNames().size(); g++) {
        String name = data.groupNames().get(g);
        String where = data.groupNames().size() > 1 ? " in group '" + name + "'" : "";
        if (data.hasRows()) {
          in.addRows(selectColumns(data.rows(g), columns), fiml, where, vars);
        } else if (data.hasStatistics()) {
          in.addStatistics(data.statistics(g).select(columns), fiml, where, vars);
        } else {
          SampleMoments m = data.moments(g);
          double[] mean = new double[p];
          double[][] cov = new double[p][p];
          for (int i = 0; i < p; i++) {
            mean[i] = m.mean()[columns[i]];
            for (int j = 0; j < p; j++) {
              cov[i][j] = m.cov()[columns[i]][columns[j]];
            }
          }
          if (m.n() < 2) {
            throw new SemInputException("too few rows" + where);
          }
          in.addComplete(new SampleMoments(m.n(), mean, cov), where, vars);
          in.rows.add(null);
          in.fourth.add(data.hasFourthMoments() ? data.fourthMoments(g).select(columns) : null);
        }
      }
      return in;
    }

    private static double[][] selectColumns(double[][] raw, int[] columns) {
      double[][] sel = new double[raw.length][columns.length];
      for (int r = 0; r < raw.length; r++) {
        for (int i = 0; i < columns.length; i++) {
          sel[r][i] = raw[r][columns[i]];
        }
      }
      return sel;
    }

    private void addRows(double[][] sel, boolean fiml, String where, List<String> vars) {
      if (fiml) {
        addFiml(MissingPatterns.of(sel, vars.size()), null, sel, where, vars);
        return;
      }
      double[][] complete = java.util.Arrays.stream(sel)
          .filter(r -> java.util.Arrays.stream(r).noneMatch(Double::isNaN))
          .toArray(double[][]::new);
      requireCompleteRows(complete.length, where);
      addComplete(SampleMoments.of(complete), where, vars);
      rows.add(complete);
      fourth.add(null);
    }

    private void addStatistics(GroupStatistics s, boolean fiml, String where,
        List<String> vars) {
      FourthMoments pooled = s.complete().n() > 0 ? s.complete() : null;
      if (fiml) {
        addFiml(MissingPatterns.of(s), pooled, s.incompleteRows(), where, vars);
        return;
      }
      requireCompleteRows(s.complete().n(), where);
      addComplete(s.complete().toSampleMoments(), where, vars);
      rows.add(null);
      fourth.add(pooled);
    }

    private static void requireCompleteRows(long count, String where) {
      if (count < 2) {
        throw new SemInputException("only " + count + " complete row" + (count == 1 ? "" : "s")
            + where + "; at least 2 are needed (use --missing fiml to keep incomplete rows)");
      }
    }

    private void addComplete(SampleMoments m, String where, List<String> vars) {
      int p = vars.size();
      Cholesky ch = Cholesky.of(m.cov());
      if (ch == null || ch.pivotRatio() < 1e-12) {
        throw new SemInputException("the sample covariance matrix" + where + " is singular ("
            + singularHint(m.cov(), vars) + " with " + m.n() + " rows for " + p
            + " variables); remove constant or duplicated variables or add rows");
      }
      units.add(List.of(new NormalLikelihood.Unit(m.n(), MissingPatterns.allVariables(p),
          m.mean(), m.cov())));
      means.add(m.mean());
      covs.add(m.cov());
      n.add(m.n());
      saturatedLogl += -0.5 * m.n() * (p * Math.log(2 * Math.PI) + ch.logDeterminant() + p);
      observedValues += m.n() * p;
    }

    /** A FIML group: its patterns, and its cases as pooled moments and/or rows for scores. */
    private void addFiml(MissingPatterns mp, FourthMoments pooled, double[][] caseRows,
        String where, List<String> vars) {
      int p = vars.size();
      if (mp.cases() < 2) {
        throw new SemInputException("only " + mp.cases() + " usable row" + where + "; at least 2 are needed");
      }
      for (int i = 0; i < p; i++) {
        final int v = i;
        long seen = mp.patterns().stream()
            .filter(pt -> java.util.Arrays.stream(pt.observed()).anyMatch(o -> o == v))
            .mapToLong(pt -> pt.moments().n()).sum();
        if (seen < 2) {
          throw new SemInputException("column '" + vars.get(i) + "'" + where
              + " has fewer than 2 observed values; FIML cannot estimate it");
        }
      }
      SaturatedEm.Result em = SaturatedEm.fit(mp);
      Cholesky ch = Cholesky.of(em.cov());
      if (ch == null || ch.pivotRatio() < 1e-12) {
        throw new SemInputException("the covariance matrix" + where + " is singular ("
            + singularHint(em.cov(), vars) + "); remove constant or duplicated variables");
      }
      List<NormalLikelihood.Unit> us = new ArrayList<>();
      for (MissingPatterns.Pattern pt : mp.patterns()) {
        us.add(new NormalLikelihood.Unit(pt.moments().n(), pt.observed(), pt.moments().mean(),
            pt.moments().cov()));
        observedValues += pt.moments().n() * pt.observed().length;
      }
      units.add(us);
      means.add(em.mean());
      covs.add(em.cov());
      rows.add(caseRows);
      fourth.add(pooled);
      patterns.add(mp);
      n.add(mp.cases());
      saturatedLogl += em.logl();
    }

    /** tr(B1 A1⁻¹) of the saturated model summed over groups (the h1 part of the Yuan–Bentler trace). */
    double traceH1() {
      if (Double.isNaN(traceH1)) {
        traceH1 = computeTraceH1();
      }
      return traceH1;
    }

    private double computeTraceH1() {
      double t = 0;
      for (int g = 0; g < units.size(); g++) {
        if (!patterns.isEmpty() || dropped != null) {
          t += saturated().get(g).trace();
        } else if (fourth.get(g) != null) {
          t += SaturatedTrace.complete(fourth.get(g), means.get(g), covs.get(g), meanStructure);
        } else {
          t += SaturatedTrace.complete(rows.get(g), means.get(g), covs.get(g), meanStructure);
        }
      }
      return t;
    }

    /** Per group, the unrestricted model's informations at its (EM) estimates. */
    List<SaturatedTrace.Saturated> saturated() {
      if (saturated == null) {
        saturated = new ArrayList<>();
        for (int g = 0; g < units.size(); g++) {
          MissingPatterns mp = patterns.isEmpty()
              ? MissingPatterns.complete(new SampleMoments(n.get(g), means.get(g), covs.get(g)))
              : patterns.get(g);
          saturated.add(SaturatedTrace.Saturated.of(mp, fourth.get(g), rows.get(g),
              means.get(g), covs.get(g), dropped));
        }
      }
      return saturated;
    }

    /** The data's part of the FIML correction, shared by every model fitted to these inputs. */
    List<FimlCorrection.GroupPart> fimlParts() {
      if (!fimlPartsDone) {
        fimlParts = FimlCorrection.parts(this);
        fimlPartsDone = true;
      }
      return fimlParts;
    }

    /**
     * The log-likelihood of the fixed.x covariates alone, under their own sample (or EM) moments,
     * summed over each unit's observed covariates.
     */
    double covariateLogl(ParameterTable table) {
      List<String> exo = table.exogenousObserved();
      if (exo.isEmpty()) {
        return 0;
      }
      int[] x = exo.stream().mapToInt(table.observed()::indexOf).toArray();
      double ll = 0;
      for (int g = 0; g < units.size(); g++) {
        for (NormalLikelihood.Unit u : units.get(g)) {
          List<Integer> pos = new ArrayList<>();
          for (int i = 0; i < u.observed().length; i++) {
            for (int xi : x) {
              if (u.observed()[i] == xi) {
                pos.add(i);
              }
            }
          }
          int k = pos.size();
          if (k == 0) {
            continue;
          }
          double[][] sig = new double[k][k];
          double[] d = new double[k];
          double[][] c = new double[k][k];
          for (int a = 0; a < k; a++) {
            int va = u.observed()[pos.get(a)];
            d[a] = u.mean()[pos.get(a)] - means.get(g)[va];
            for (int b = 0; b < k; b++) {
              int vb = u.observed()[pos.get(b)];
              sig[a][b] = covs.get(g)[va][vb];
              c[a][b] = u.cov()[pos.get(a)][pos.get(b)];
            }
          }
          Cholesky ch = Cholesky.of(sig);
          double[][] w = ch.inverse();
          double tr = 0;
          for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
              tr += w[a][b] * (c[b][a] + d[a] * d[b]);
            }
          }
          ll += -0.5 * u.n() * (k * Math.log(2 * Math.PI) + ch.logDeterminant() + tr);
        }
      }
      return ll;
    }

    /** Σ sᵢ sᵢ' of the casewise scores per group, from pooled fourth moments and rows. */
    double[][][] crossProducts(NormalLikelihood lik, double[] theta) {
      return CaseScores.crossProducts(lik, theta, fourth, rows);
    }
  }

  private static String singularHint(double[][] cov, List<String> vars) {
    for (int i = 0; i < cov.length; i++) {
      if (!(cov[i][i] > 1e-12)) {
        return "'" + vars.get(i) + "' is constant";
      }
    }
    return "some variables are linear combinations of others";
  }

  /**
   * The chi-square of the independence model, its Yuan–Bentler scaling factor under MLR, and
   * the model with its estimates.
   */
  record Baseline(FitMeasures.Test test, double scaling, RamModel ram, double[] theta) {}
}
