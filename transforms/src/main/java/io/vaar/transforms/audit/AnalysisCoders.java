package io.vaar.transforms.audit;

import io.vaar.transforms.analysis.LikertMoments;
import io.vaar.transforms.analysis.ModelSample;
import io.vaar.transforms.analysis.ResponseCounts;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;

/**
 * Compact binary coders for what the analysis branch moves between workers — scored sessions and
 * model accumulators — because Java serialization of thousands of small records and of
 * megabyte-sized power sums costs a run most of its time.
 */
final class AnalysisCoders {

  private AnalysisCoders() {
  }

  /** Encodes a {@link ScoredSession}: id, row, counts, simulated flag, raw answers. */
  static final class ScoredSessionCoder extends CustomCoder<ScoredSession> {

    private static final long serialVersionUID = 1L;

    @Override
    public void encode(ScoredSession session, OutputStream stream) throws IOException {
      DataOutputStream out = new DataOutputStream(stream);
      out.writeUTF(session.sessionId());
      writeRow(out, session.row());
      writeCounts(out, session.counts());
      out.writeBoolean(session.simulated());
      writeAnswers(out, session.answers());
      out.flush();
    }

    @Override
    public ScoredSession decode(InputStream stream) throws IOException {
      DataInputStream in = new DataInputStream(stream);
      return new ScoredSession(in.readUTF(), readRow(in), readCounts(in), in.readBoolean(),
          readAnswers(in));
    }

    @Override
    public void verifyDeterministic() {
    }
  }

  /** Encodes a {@link ModelAccumulator}: moments, rows, counts, simulated flag, sample. */
  static final class ModelAccumulatorCoder extends CustomCoder<ModelAccumulator> {

    private static final long serialVersionUID = 1L;

    @Override
    public void encode(ModelAccumulator accumulator, OutputStream stream) throws IOException {
      DataOutputStream out = new DataOutputStream(stream);
      accumulator.moments().writeTo(out);
      out.writeInt(accumulator.rows().size());
      for (ModelSample.SessionRow row : accumulator.rows()) {
        out.writeUTF(row.sessionId());
        writeRow(out, row.values());
      }
      writeCounts(out, accumulator.counts());
      out.writeBoolean(accumulator.simulated());
      List<AnswerSample> samples = accumulator.answerSamples();
      out.writeInt(samples.size());
      for (AnswerSample sample : samples) {
        out.writeUTF(sample.sessionId());
        writeAnswers(out, sample.answers());
      }
      out.flush();
    }

    @Override
    public ModelAccumulator decode(InputStream stream) throws IOException {
      DataInputStream in = new DataInputStream(stream);
      LikertMoments moments = LikertMoments.readFrom(in);
      int count = in.readInt();
      List<ModelSample.SessionRow> rows = new ArrayList<>(count);
      for (int r = 0; r < count; r++) {
        rows.add(new ModelSample.SessionRow(in.readUTF(), readRow(in)));
      }
      ResponseCounts counts = readCounts(in);
      boolean simulated = in.readBoolean();
      int sampled = in.readInt();
      List<AnswerSample> samples = new ArrayList<>(sampled);
      for (int s = 0; s < sampled; s++) {
        samples.add(new AnswerSample(in.readUTF(), readAnswers(in)));
      }
      return new ModelAccumulator(moments, rows, counts, simulated, samples);
    }
  }

  static void writeAnswers(DataOutput out, List<RawAnswer> answers) throws IOException {
    out.writeInt(answers.size());
    for (RawAnswer answer : answers) {
      out.writeUTF(answer.itemId());
      writeText(out, answer.prompt());
      out.writeInt(answer.replies().size());
      for (String reply : answer.replies()) {
        writeText(out, reply);
      }
      out.writeBoolean(answer.value() != null);
      if (answer.value() != null) {
        out.writeInt(answer.value());
      }
      out.writeUTF(answer.status());
    }
  }

  static List<RawAnswer> readAnswers(DataInput in) throws IOException {
    int count = in.readInt();
    List<RawAnswer> answers = new ArrayList<>(count);
    for (int a = 0; a < count; a++) {
      String itemId = in.readUTF();
      String prompt = readText(in);
      int replyCount = in.readInt();
      List<String> replies = new ArrayList<>(replyCount);
      for (int r = 0; r < replyCount; r++) {
        replies.add(readText(in));
      }
      Integer value = in.readBoolean() ? in.readInt() : null;
      answers.add(new RawAnswer(itemId, prompt, replies, value, in.readUTF()));
    }
    return answers;
  }

  /** Model text as length-prefixed UTF-8: writeUTF stops at 64 KB and mangles surrogates. */
  static void writeText(DataOutput out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String readText(DataInput in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A row as one block of bytes: one write instead of one per value. */
  static void writeRow(DataOutput out, double[] row) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(Double.BYTES * row.length);
    bytes.asDoubleBuffer().put(row);
    out.writeInt(row.length);
    out.write(bytes.array());
  }

  static double[] readRow(DataInput in) throws IOException {
    double[] row = new double[in.readInt()];
    byte[] bytes = new byte[Double.BYTES * row.length];
    in.readFully(bytes);
    ByteBuffer.wrap(bytes).asDoubleBuffer().get(row);
    return row;
  }

  static void writeCounts(DataOutput out, ResponseCounts counts) throws IOException {
    out.writeLong(counts.asked());
    out.writeLong(counts.ok());
    out.writeLong(counts.invalid());
    out.writeLong(counts.refused());
    out.writeLong(counts.error());
  }

  static ResponseCounts readCounts(DataInput in) throws IOException {
    return new ResponseCounts(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
        in.readLong());
  }
}
