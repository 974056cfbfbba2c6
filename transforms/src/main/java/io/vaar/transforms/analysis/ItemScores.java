package io.vaar.transforms.analysis;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.ResponseStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the answers of one session as a row of the analysis data: one column per item id in a
 * fixed order, the answered value re-scored as {@code min + max - x} for reverse-keyed items, and
 * {@code NaN} for an item that was not answered (invalid, refused, error or never asked), so
 * FIML can use everything the session did answer.
 */
public final class ItemScores {

  private final List<String> itemIds;
  private final Map<String, Integer> column = new HashMap<>();

  public ItemScores(List<String> itemIds) {
    this.itemIds = List.copyOf(itemIds);
    for (int i = 0; i < this.itemIds.size(); i++) {
      column.put(this.itemIds.get(i), i);
    }
  }

  public List<String> itemIds() {
    return itemIds;
  }

  /** The scored row of one session's responses; items outside the column list are ignored. */
  public double[] row(Iterable<ItemResponse> sessionResponses) {
    double[] row = new double[itemIds.size()];
    Arrays.fill(row, Double.NaN);
    for (ItemResponse response : sessionResponses) {
      Integer index = column.get(response.getItemId());
      if (index == null || response.getStatus() != ResponseStatus.ok
          || response.getValue() == null) {
        continue;
      }
      int value = response.getValue();
      row[index] = response.getReverseKeyed()
          ? response.getScaleMin() + response.getScaleMax() - value : value;
    }
    return row;
  }
}
