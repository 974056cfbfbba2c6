package io.vaar.transforms.audit;

import java.io.Serializable;
import java.util.List;

/** One session's raw answers, in the order they were asked, for the report's sample. */
public record AnswerSample(String sessionId, List<RawAnswer> answers) implements Serializable {

  public AnswerSample {
    answers = List.copyOf(answers);
  }
}
