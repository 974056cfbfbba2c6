package io.vaar.transforms.archive;

import io.vaar.schemas.ItemResponse;
import io.vaar.schemas.ResponseStatus;
import io.vaar.schemas.SessionRecord;
import io.vaar.schemas.SessionStatus;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Small, distinct archive records for tests, and a reader that uses only stock Avro. Public for
 * the pipeline module's tests, which get it from this module's test-jar.
 */
public final class ArchiveRecords {

  private ArchiveRecords() {
  }

  /** An answered item of session {@code sessionId}; {@code value} null means missing. */
  public static ItemResponse response(String sessionId, int position, Integer value) {
    return ItemResponse.newBuilder()
        .setRunId("run-1")
        .setModelId("sim-aligned")
        .setSessionId(sessionId)
        .setPersonaId("persona-" + sessionId)
        .setReplicate(0)
        .setInstrument("privacy")
        .setItemId("PC" + position)
        .setPosition(position)
        .setPromptSha256("0".repeat(64))
        .setRawText(value == null ? "I would rather not say." : Integer.toString(value))
        .setValue(value)
        .setStatus(value == null ? ResponseStatus.refused : ResponseStatus.ok)
        .setAttempts(1)
        .setLatencyMs(12L)
        .setInputTokens(100L)
        .setOutputTokens(2L)
        .setTimestampMs(1_764_000_000_000L + position)
        .build();
  }

  /** A complete session of {@code items} items. */
  public static SessionRecord session(String sessionId, int items) {
    return SessionRecord.newBuilder()
        .setRunId("run-1")
        .setModelId("sim-aligned")
        .setSessionId(sessionId)
        .setPersonaId("persona-" + sessionId)
        .setReplicate(0)
        .setPersonaText("A 34-year-old nurse who shops online weekly.")
        .setStatus(SessionStatus.complete)
        .setItemsAsked(items)
        .setItemsOk(items)
        .setItemsInvalid(0)
        .setItemsRefused(0)
        .setItemsError(0)
        .setStartedMs(1_764_000_000_000L)
        .setFinishedMs(1_764_000_001_000L)
        .setSimulated(true)
        .build();
  }

  /** Every record of {@code file}, read the way avro-tools reads it: no Beam involved. */
  public static <T> List<T> readWithStockAvro(File file, Class<T> type) throws IOException {
    List<T> records = new ArrayList<>();
    try (DataFileReader<T> reader = new DataFileReader<>(file, new SpecificDatumReader<>(type))) {
      reader.forEach(records::add);
    }
    return records;
  }
}
