package io.vaar.pipeline;

import io.vaar.sem.SemData;
import io.vaar.sem.SemInputException;
import io.vaar.sem.SemModel;
import io.vaar.sem.syntax.ModelSyntaxException;
import io.vaar.transforms.data.InputException;
import io.vaar.transforms.data.WideCsv;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --model} and {@code --data} options that {@code sem fit} and {@code score} share (a
 * picocli mixin) and the reading of both files, with every problem in them (a missing file, a
 * syntax error, an unknown column, a cell that is not a number) turned into the one-line
 * {@link CliError#badInput} of the command-line contract.
 */
final class FitInputs {

  @Option(names = "--model", required = true, paramLabel = "FILE.lav", order = 0,
      description = "The model in lavaan syntax, e.g. 'visual =~ x1 + x2 + x3'.")
  Path modelFile;

  @Option(names = "--data", required = true, paramLabel = "FILE.csv", order = 1,
      description = "Wide CSV: a header line, one row per respondent; empty cells and NA are missing.")
  Path dataFile;

  SemModel readModel() {
    String text;
    try {
      text = Files.readString(modelFile, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw CliError.badInput(modelFile + ": not a UTF-8 text file; save the model as plain UTF-8 text", e);
    } catch (IOException e) {
      if (!Files.exists(modelFile)) {
        throw CliError.badInput(modelFile + ": model file not found; check the --model path", e);
      }
      throw CliError.badInput(modelFile + ": cannot read the model file (" + e.getMessage()
          + "); check the --model path and its permissions", e);
    }
    try {
      return SemModel.parse(text);
    } catch (ModelSyntaxException e) {
      throw CliError.badInput(modelFile + " line " + e.line() + ", column " + e.column() + ": "
          + e.detail(), e);
    } catch (SemInputException e) {
      throw CliError.badInput(modelFile + ": " + e.getMessage(), e);
    }
  }

  List<String> observedVariables(SemModel model) {
    try {
      return model.observedVariables();
    } catch (SemInputException e) {
      throw CliError.badInput(modelFile + ": " + e.getMessage(), e);
    }
  }

  /** The model's columns per group (one group named "" without a group column). */
  SemData readData(List<String> variables, String groupColumn) {
    if (!Files.isRegularFile(dataFile)) {
      throw CliError.badInput(dataFile + ": data file not found; check the --data path");
    }
    LinkedHashMap<String, double[][]> byGroup;
    try {
      byGroup = WideCsv.read(dataFile).numericByGroup(variables, groupColumn);
    } catch (InputException e) {
      throw CliError.badInput(e.getMessage(), e);
    }
    try {
      return SemData.ofRows(variables, List.copyOf(byGroup.keySet()), new ArrayList<>(byGroup.values()));
    } catch (IllegalArgumentException e) {
      throw CliError.badInput(dataFile + ": " + e.getMessage(), e);
    }
  }
}
