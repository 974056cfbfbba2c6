package io.vaar.transforms.audit;

import io.vaar.transforms.analysis.ResponseCounts;
import java.io.Serializable;

/**
 * One session reduced to what the analysis uses: its id, its scored row (one value per item id,
 * NaN where unanswered), how its items ended, and whether its respondent was simulated.
 */
public record ScoredSession(String sessionId, double[] row, ResponseCounts counts,
    boolean simulated) implements Serializable {
}
