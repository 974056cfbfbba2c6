package io.vaar.transforms.personas;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vaar.transforms.data.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonaFileTest {

  @TempDir
  Path folder;

  @Test
  void readsJsonLinesKeepingFieldOrder() throws IOException {
    Path file = folder.resolve("panel.jsonl");
    Files.writeString(file, """
        {"id": "r1", "age": 34, "country": "Chile", "occupation": "midwife"}

        {"country": "Ghana", "age": "61", "note": null}
        """);
    List<Persona> personas = PersonaFile.read(file);
    assertThat(personas.get(0).id(), equalTo("r1"));
    assertThat(List.copyOf(personas.get(0).attributes().keySet()),
        contains("age", "country", "occupation"));
    assertThat(personas.get(1).id(), equalTo("line3"));
    assertThat(personas.get(1).profileLines(), equalTo("- country: Ghana\n- age: 61"));
  }

  @Test
  void readsCsvWithAnOptionalIdColumn() throws IOException {
    Path file = folder.resolve("panel.csv");
    Files.writeString(file, "id,age,country\nx1,25,Peru\nx2,,Japan\n");
    List<Persona> personas = PersonaFile.read(file);
    assertThat(personas.get(1).id(), equalTo("x2"));
    assertThat(personas.get(1).profileLines(), equalTo("- country: Japan"));
  }

  @Test
  void badFilesAreOneLineErrorsWithTheLine() throws IOException {
    Path file = folder.resolve("bad.jsonl");
    Files.writeString(file, "{\"id\": \"a\"}\n{\"id\": \"b\", \"age\": [1, 2]}\n");
    assertThat(assertThrows(InputException.class, () -> PersonaFile.read(file)).getMessage(),
        containsString("bad.jsonl:2: field 'age' must be text or a number"));
    Files.writeString(file, "{\"id\": \"a\"}\nnot json\n");
    assertThat(assertThrows(InputException.class, () -> PersonaFile.read(file)).getMessage(),
        containsString("bad.jsonl:2: not a JSON object"));
    Files.writeString(file, "{\"id\": \"a\"}\n{\"id\": \"a\"}\n");
    assertThat(assertThrows(InputException.class, () -> PersonaFile.read(file)).getMessage(),
        containsString("persona id 'a' is used twice"));
    Files.writeString(file, "\n");
    assertThat(assertThrows(InputException.class, () -> PersonaFile.read(file)).getMessage(),
        containsString("no personas in this file"));
    assertThat(assertThrows(InputException.class,
        () -> PersonaFile.read(folder.resolve("missing.csv"))).getMessage(),
        containsString("persona file not found"));
  }
}
