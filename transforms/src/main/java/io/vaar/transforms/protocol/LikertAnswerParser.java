package io.vaar.transforms.protocol;

import io.vaar.transforms.instruments.ResponseScale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a free-text reply into one point of a Likert scale, or says why it cannot. It accepts a
 * bare number, a number wrapped in words ("I'd say 5.", "5 - agree", "Answer: 5", "5/7"), an
 * anchor label in either word order ("Strongly agree", "agree strongly") and a number alongside
 * a disclaimer. It never guesses: two different points ("between 4 and 5", "4-5"), a fraction,
 * a point off the scale, or a negated label is invalid; a reply that declines without giving a
 * point is refused. A number always wins over a label, so "5 - agree" is 5.
 */
public final class LikertAnswerParser {

  private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])(\\d+)(?:[.,](\\d+))?(?!\\d)");
  private static final Pattern NUMBER_WORD =
      Pattern.compile("\\b(zero|one|two|three|four|five|six|seven|eight|nine|ten)\\b");
  private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four",
      "five", "six", "seven", "eight", "nine", "ten");
  private static final int MAX_WORDS_FOR_NUMBER_WORDS = 6;
  private static final Pattern REFUSAL = Pattern.compile("\\b(i can ?not|i can't|i am unable|"
      + "i'm unable|i'm not able|i am not able|as an ai|as a language model|as an assistant|"
      + "i(?: would|'d) (?:prefer|rather) not|i won't|i will not|i must decline|i decline|"
      + "not comfortable (?:answering|sharing|giving)|(?:don't|do not) have (?:personal|my own) "
      + "(?:opinions|views|experiences|feelings|preferences)|(?:unable|not able) to (?:answer|"
      + "provide|give|share))");
  private static final Pattern NEGATION = Pattern.compile(
      "\\b(?:not|don't|do not|doesn't|does not|wouldn't|would not|never|hardly|no)\\s+(?:\\w+\\s+)?$");

  private final Map<String, ScalePatterns> patterns = new ConcurrentHashMap<>();

  public ParsedAnswer parse(String reply, ResponseScale scale) {
    String text = normalise(reply);
    if (text.isEmpty()) {
      return ParsedAnswer.invalid("empty reply");
    }
    ScalePatterns forScale = patterns.computeIfAbsent(scale.min() + ":" + scale.max() + ":"
        + scale.anchors(), key -> new ScalePatterns(scale));
    String stripped = forScale.stripScaleEchoes(text);
    ParsedAnswer fromNumbers = fromNumbers(stripped, scale);
    if (fromNumbers != null) {
      return fromNumbers;
    }
    ParsedAnswer fromLabels = forScale.fromLabels(stripped);
    if (fromLabels != null) {
      return fromLabels;
    }
    if (REFUSAL.matcher(text).find()) {
      return ParsedAnswer.refused("declined to answer");
    }
    return ParsedAnswer.invalid("no number or scale label");
  }

  /** A verdict from the numbers in the reply, or null when it holds none. */
  private static ParsedAnswer fromNumbers(String text, ResponseScale scale) {
    TreeSet<Integer> inRange = new TreeSet<>();
    List<String> offScale = new ArrayList<>();
    List<String> fractions = new ArrayList<>();
    Matcher number = NUMBER.matcher(text);
    while (number.find()) {
      String token = number.group();
      if (number.group(2) != null) {
        fractions.add(token);
        continue;
      }
      int value = parseBounded(number.group(1));
      boolean negative = isNegative(text, number.start());
      if (!negative && scale.contains(value)) {
        inRange.add(value);
      } else {
        offScale.add(negative ? "-" + token : token);
      }
    }
    if (inRange.isEmpty() && offScale.isEmpty() && fractions.isEmpty()
        && wordCount(text) <= MAX_WORDS_FOR_NUMBER_WORDS) {
      Matcher word = NUMBER_WORD.matcher(text);
      while (word.find()) {
        int value = NUMBER_WORDS.indexOf(word.group(1));
        if (scale.contains(value)) {
          inRange.add(value);
        } else {
          offScale.add(word.group(1));
        }
      }
    }
    if (!fractions.isEmpty() && inRange.isEmpty()) {
      return ParsedAnswer.invalid("not a whole number: " + fractions.get(0));
    }
    if (inRange.size() > 1) {
      return ParsedAnswer.invalid("ambiguous: " + inRange.first() + " and " + inRange.last());
    }
    if (inRange.size() == 1) {
      return fractions.isEmpty() ? ParsedAnswer.ok(inRange.first())
          : ParsedAnswer.invalid("ambiguous: " + inRange.first() + " and " + fractions.get(0));
    }
    if (!offScale.isEmpty()) {
      return ParsedAnswer.invalid("off the scale " + scale.min() + "-" + scale.max() + ": "
          + offScale.get(0));
    }
    return null;
  }

  private static int parseBounded(String digits) {
    return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }

  /** A minus sign that is not a range dash: "-2" is negative, "1-2" and "5 - 2" are not. */
  private static boolean isNegative(String text, int start) {
    if (start == 0 || text.charAt(start - 1) != '-') {
      return false;
    }
    String before = text.substring(0, start - 1).stripTrailing();
    return before.isEmpty() || !Character.isDigit(before.charAt(before.length() - 1));
  }

  private static int wordCount(String text) {
    return text.isBlank() ? 0 : text.trim().split("\\s+").length;
  }

  static String normalise(String reply) {
    if (reply == null) {
      return "";
    }
    return reply.toLowerCase(Locale.ROOT)
        .replace('\u2013', '-').replace('\u2014', '-').replace('\u2212', '-')
        .replace('\u2019', '\'').replace('\u2018', '\'')
        .replaceAll("[*_`#>\"\u201c\u201d]", " ")
        .replaceAll("\\s+", " ")
        .trim();
  }

  /** The scale-specific expressions: echoes of the scale's range and its anchor labels. */
  private static final class ScalePatterns {
    private final Pattern rangeEcho;
    private final Pattern outOfMax;
    private final List<Label> labels = new ArrayList<>();

    ScalePatterns(ResponseScale scale) {
      rangeEcho = Pattern.compile("(?:\\bfrom\\s+|\\bbetween\\s+)?(?<![\\d.])" + scale.min()
          + "\\s*(?:-|to|and|through)\\s*" + scale.max() + "(?![\\d.])");
      outOfMax = Pattern.compile("(\\d+)\\s*(?:/|out of|of)\\s*" + scale.max() + "(?![\\d.])");
      for (Map.Entry<Integer, String> anchor : scale.anchors().entrySet()) {
        String label = normalise(anchor.getValue());
        addLabel(label, anchor.getKey());
        String[] words = label.split(" ");
        if (words.length == 2) {
          addLabel(words[1] + " " + words[0], anchor.getKey());
        }
        for (String alternative : label.split(" or ")) {
          if (!alternative.equals(label)) {
            addLabel(alternative.trim(), anchor.getKey());
          }
        }
      }
      labels.sort(Comparator.comparingInt((Label label) -> label.text.length()).reversed());
    }

    private void addLabel(String text, int value) {
      String words = Pattern.quote(text).replace(" ", "\\E,?\\s+\\Q");
      labels.add(new Label(text, value, Pattern.compile("(?<![\\w-])" + words + "(?![\\w-])")));
    }

    String stripScaleEchoes(String text) {
      String withoutOutOf = outOfMax.matcher(text).replaceAll("$1");
      return rangeEcho.matcher(withoutOutOf).replaceAll(" ");
    }

    /** A verdict from anchor labels, longest first so "strongly agree" is not read as "agree". */
    ParsedAnswer fromLabels(String text) {
      StringBuilder remaining = new StringBuilder(text);
      TreeSet<Integer> found = new TreeSet<>();
      for (Label label : labels) {
        Matcher matcher = label.pattern.matcher(remaining);
        while (matcher.find()) {
          if (NEGATION.matcher(remaining.substring(0, matcher.start())).find()) {
            return ParsedAnswer.invalid("negated scale label: not " + label.text);
          }
          found.add(label.value);
          for (int i = matcher.start(); i < matcher.end(); i++) {
            remaining.setCharAt(i, '|');
          }
          matcher = label.pattern.matcher(remaining);
        }
      }
      if (found.isEmpty()) {
        return null;
      }
      return found.size() == 1 ? ParsedAnswer.ok(found.first())
          : ParsedAnswer.invalid("ambiguous: labels for " + found.first() + " and " + found.last());
    }
  }

  private record Label(String text, int value, Pattern pattern) {
  }
}
