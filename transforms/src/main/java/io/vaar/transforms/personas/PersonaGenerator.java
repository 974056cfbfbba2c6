package io.vaar.transforms.personas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws synthetic personas from a seed. Persona {@code i} depends only on {@code (seed, i)}:
 * each persona has its own random stream, so a pipeline worker can make persona 1,734 without
 * making the ones before it, and the same seed gives the same panel on every machine. The
 * attribute distributions are broad rather than census-weighted; a study that needs a
 * representative panel loads its own with {@link PersonaFile}.
 */
public final class PersonaGenerator {

  private static final List<String> AGE_BANDS =
      List.of("18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75 or older");
  private static final List<String> GENDERS = List.of("woman", "man", "non-binary");
  private static final double[] GENDER_WEIGHTS = {0.49, 0.49, 0.02};
  private static final List<String> COUNTRIES = List.of("United States", "Canada", "Mexico",
      "Brazil", "Argentina", "United Kingdom", "Germany", "France", "Spain", "Italy", "Poland",
      "Sweden", "Nigeria", "Kenya", "South Africa", "Egypt", "India", "China", "Japan",
      "South Korea", "Indonesia", "Philippines", "Australia", "Turkey");
  private static final List<String> SETTLEMENTS =
      List.of("a large city", "a suburb", "a small town", "a rural area");
  private static final List<String> EDUCATION = List.of("primary school", "secondary school",
      "vocational training", "bachelor's degree", "master's degree", "doctorate");
  private static final double[] EDUCATION_WEIGHTS = {0.06, 0.34, 0.20, 0.26, 0.11, 0.03};
  private static final List<String> OCCUPATIONS = List.of("nurse", "software developer",
      "primary school teacher", "retail sales worker", "farmer", "accountant",
      "truck driver", "civil servant", "small business owner", "construction worker",
      "journalist", "pharmacist", "call centre agent", "electrician", "graphic designer",
      "police officer", "cleaner", "marketing manager", "researcher", "unemployed");
  private static final List<String> HOUSEHOLDS = List.of("lives alone", "lives with a partner",
      "lives with a partner and children", "single parent", "lives with parents",
      "shares a flat with others");
  private static final List<String> INCOME_BANDS =
      List.of("low", "lower-middle", "middle", "upper-middle", "high");
  private static final double[] INCOME_WEIGHTS = {0.18, 0.24, 0.30, 0.19, 0.09};
  private static final List<String> INTERNET_USE = List.of("a few times a week", "daily",
      "several times a day", "almost constantly");

  private final long seed;

  public PersonaGenerator(long seed) {
    this.seed = seed;
  }

  /** Persona number {@code index} (0-based) of this seed's panel. */
  public Persona persona(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("persona index must be non-negative: " + index);
    }
    SplittableRandom random = new SplittableRandom(mix(seed, index));
    int age = random.nextInt(AGE_BANDS.size());
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("age", AGE_BANDS.get(age) + " years");
    attributes.put("gender", weighted(random, GENDERS, GENDER_WEIGHTS));
    attributes.put("country", pick(random, COUNTRIES));
    attributes.put("lives_in", pick(random, SETTLEMENTS));
    attributes.put("education", weighted(random, EDUCATION, EDUCATION_WEIGHTS));
    attributes.put("occupation", occupation(random, age));
    attributes.put("household", age == 0 && random.nextDouble() < 0.5
        ? "lives with parents" : pick(random, HOUSEHOLDS));
    attributes.put("household_income", weighted(random, INCOME_BANDS, INCOME_WEIGHTS));
    attributes.put("uses_the_internet", pick(random, INTERNET_USE));
    return new Persona(String.format("p%05d", index), attributes);
  }

  /** Students are young and pensioners old; everyone else draws from the occupation list. */
  private static String occupation(SplittableRandom random, int ageBand) {
    if (ageBand == 0 && random.nextDouble() < 0.45) {
      return "student";
    }
    if (ageBand >= 5 && random.nextDouble() < 0.75) {
      return "retired";
    }
    return pick(random, OCCUPATIONS);
  }

  private static String pick(SplittableRandom random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String weighted(SplittableRandom random, List<String> values, double[] weights) {
    double u = random.nextDouble();
    double cumulative = 0;
    for (int i = 0; i < weights.length; i++) {
      cumulative += weights[i];
      if (u < cumulative) {
        return values.get(i);
      }
    }
    return values.get(values.size() - 1);
  }

  /** A stream seed for (seed, index) whose streams do not overlap for neighbouring indices. */
  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
