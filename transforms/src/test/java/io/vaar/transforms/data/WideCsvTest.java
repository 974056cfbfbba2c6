package io.vaar.transforms.data;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.arrayContaining;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WideCsvTest {

  @TempDir
  Path directory;

  private static Path holzingerSwineford() throws URISyntaxException {
    return Path.of(WideCsvTest.class.getResource("/HolzingerSwineford1939.csv").toURI());
  }

  private Path write(String content) throws IOException {
    Path file = directory.resolve("data.csv");
    Files.writeString(file, content);
    return file;
  }

  @Test
  void readsHolzingerSwinefordHeaderAndRows() throws Exception {
    WideCsv data = WideCsv.read(holzingerSwineford());
    assertThat(data.columns(), contains("id", "sex", "ageyr", "agemo", "school", "grade",
        "x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9"));
    assertThat(data.rowCount(), is(301));
    assertThat(data.file(), equalTo(holzingerSwineford()));
  }

  @Test
  void splitsHolzingerSwinefordBySchoolInOrderOfAppearance() throws Exception {
    LinkedHashMap<String, double[][]> bySchool = WideCsv.read(holzingerSwineford())
        .numericByGroup(List.of("x1", "x2", "x3"), "school");
    assertThat(bySchool.keySet(), contains("Pasteur", "Grant-White"));
    assertThat(bySchool.get("Pasteur").length, is(156));
    assertThat(bySchool.get("Grant-White").length, is(145));
    assertArrayEquals(new double[] {3.3333333, 7.75, 0.375}, bySchool.get("Pasteur")[0], 0.0);
  }

  @Test
  void keepsTheRequestedColumnOrder() throws Exception {
    double[][] all = WideCsv.read(holzingerSwineford()).numericByGroup(List.of("x9", "x1"), null).get("");
    assertArrayEquals(new double[] {6.3611111, 3.3333333}, all[0], 0.0);
    assertThat(all[0].length, is(2));
  }

  @Test
  void withoutGroupColumnAllRowsFormOneUnnamedGroup() throws Exception {
    LinkedHashMap<String, double[][]> groups = WideCsv.read(holzingerSwineford())
        .numericByGroup(List.of("x1"), null);
    assertThat(groups.keySet(), contains(""));
    assertThat(groups.get("").length, is(301));
  }

  @Test
  void missingCellsBecomeNaN() throws IOException {
    Path file = write("g,a,b,c\n1,,NA,NaN\n1,na,nan,\"NA\"\n1,  NA  ,2.5,-1e-3\n");
    double[][] values = WideCsv.read(file).numericByGroup(List.of("a", "b", "c"), null).get("");
    assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN}, values[0], 0.0);
    assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN}, values[1], 0.0);
    assertArrayEquals(new double[] {Double.NaN, 2.5, -0.001}, values[2], 0.0);
  }

  @Test
  void groupsFollowFirstAppearanceNotSortOrder() throws IOException {
    Path file = write("grp,x\nb,1\na,2\nb,3\nc,4\na,5\n");
    LinkedHashMap<String, double[][]> groups = WideCsv.read(file).numericByGroup(List.of("x"), "grp");
    assertThat(groups.keySet(), contains("b", "a", "c"));
    assertArrayEquals(new double[][] {{1}, {3}}, groups.get("b"));
    assertArrayEquals(new double[][] {{2}, {5}}, groups.get("a"));
    assertArrayEquals(new double[][] {{4}}, groups.get("c"));
  }

  @Test
  void unquotesValuesIncludingCommasAndQuotesInside() throws IOException {
    Path file = write("\"name\",\"x\"\n\"Smith, J.\",\"1\"\n\"say \"\"hi\"\"\",2\n");
    WideCsv data = WideCsv.read(file);
    assertThat(data.columns(), contains("name", "x"));
    LinkedHashMap<String, double[][]> groups = data.numericByGroup(List.of("x"), "name");
    assertThat(groups.keySet().toArray(new String[0]), arrayContaining("Smith, J.", "say \"hi\""));
  }

  @Test
  void nonNumericTextColumnsAreFineUntilRequested() throws IOException {
    Path file = write("id,comment,x\n1,hello,3\n");
    assertArrayEquals(new double[] {3}, WideCsv.read(file).numericByGroup(List.of("x"), null).get("")[0], 0.0);
  }

  @Test
  void readsWindowsLineEndsAndAByteOrderMark() throws IOException {
    Path file = write("\uFEFFid,x\r\n1,2\r\n2,bad\r\n");
    WideCsv data = WideCsv.read(file);
    assertThat(data.columns(), contains("id", "x"));
    InputException error = assertThrows(InputException.class,
        () -> data.numericByGroup(List.of("x"), null));
    assertThat(error.getMessage(), equalTo(file + " line 3, column 'x': 'bad' is not a number;"
        + " write missing values as NA or leave the cell empty"));
  }

  @Test
  void columnsAreImmutable() throws Exception {
    WideCsv data = WideCsv.read(holzingerSwineford());
    assertThrows(UnsupportedOperationException.class, () -> data.columns().add("x10"));
  }

  /** Each bad file, the request made of it, and the exact message after the file name. */
  static Stream<Arguments> invalidFiles() {
    return Stream.of(
        Arguments.of("column not in the data", "id,sex,x1\n1,2,3\n", List.of("x1", "x10"), null,
            ": column 'x10' is not in the data (columns: id, sex, x1)"),
        Arguments.of("group column not in the data", "id,x1\n1,3\n", List.of("x1"), "school",
            ": column 'school' is not in the data (columns: id, x1)"),
        Arguments.of("not a number, with the file line", "id,x3\n1,2\n2,3\n3,abc\n", List.of("x3"), null,
            " line 4, column 'x3': 'abc' is not a number;"
                + " write missing values as NA or leave the cell empty"),
        Arguments.of("line numbers count skipped blank lines", "id,x3\n1,2\n\n\n2,oops\n", List.of("x3"), null,
            " line 5, column 'x3': 'oops' is not a number;"
                + " write missing values as NA or leave the cell empty"),
        Arguments.of("line numbers count quoted line breaks", "id,note,x\n1,\"two\nlines\",1\n2,ok,zz\n",
            List.of("x"), null,
            " line 4, column 'x': 'zz' is not a number;"
                + " write missing values as NA or leave the cell empty"),
        Arguments.of("Java-only number forms are rejected", "x\nInfinity\n", List.of("x"), null,
            " line 2, column 'x': 'Infinity' is not a number;"
                + " write missing values as NA or leave the cell empty"),
        Arguments.of("empty group value", "g,x\na,1\n,2\n", List.of("x"), "g",
            " line 3: the group column 'g' is empty; give every row a group or drop the row"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFiles")
  void reportsBadRequests(String description, String content, List<String> variables, String group,
      String message) throws IOException {
    Path file = write(content);
    WideCsv data = WideCsv.read(file);
    InputException error = assertThrows(InputException.class, () -> data.numericByGroup(variables, group));
    assertThat(error.getMessage(), equalTo(file + message));
  }

  static Stream<Arguments> unreadableFiles() {
    return Stream.of(
        Arguments.of("too few cells", "a,b,c\n1,2,3\n1,2,3\n1,2,3\n1,2\n",
            " line 5 has 2 cells but the header has 3"),
        Arguments.of("too many cells", "a,b\n1,2,3\n", " line 2 has 3 cells but the header has 2"),
        Arguments.of("duplicate column", "id,x1,x2,x1\n1,2,3,4\n",
            ": duplicate column 'x1' (columns 2 and 4); rename one of them"),
        Arguments.of("header only", "id,x1\n", ": no data rows"),
        Arguments.of("empty file", "", ": the file is empty; expected a header line naming the columns"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableFiles")
  void rejectsUnreadableFiles(String description, String content, String message) throws IOException {
    Path file = write(content);
    InputException error = assertThrows(InputException.class, () -> WideCsv.read(file));
    assertThat(error.getMessage(), equalTo(file + message));
  }

  @Test
  void reportsMissingFile() {
    Path file = directory.resolve("data.csv");
    InputException error = assertThrows(InputException.class, () -> WideCsv.read(file));
    assertThat(error.getMessage(), equalTo(file + ": file not found"));
  }

  @Test
  void reportsMalformedQuotingWithItsLine() throws IOException {
    Path file = write("a,b\n1,2\n3,\"unclosed\n");
    InputException error = assertThrows(InputException.class, () -> WideCsv.read(file));
    assertThat(error.getMessage(), equalTo(file + " line 3: malformed CSV (Missing closing quote for value);"
        + " check the quoting in the row starting on that line"));
  }
}
