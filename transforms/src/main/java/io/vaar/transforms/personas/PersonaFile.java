package io.vaar.transforms.personas;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.vaar.transforms.data.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a user's personas: JSONL (one JSON object per line) or CSV (a header row, one persona
 * per row). Each field becomes an attribute in file order; an {@code id} field, when present,
 * names the persona (ids must be unique), otherwise the persona is named by its 1-based line.
 * Empty values are left out, so a sparse CSV reads as personas with fewer attributes.
 */
public final class PersonaFile {

  private PersonaFile() {
  }

  public static List<Persona> read(Path file) {
    String name = file.getFileName().toString().toLowerCase();
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": persona file not found; check 'personas_file:'");
    }
    List<Persona> personas;
    try {
      personas = name.endsWith(".csv") ? readCsv(file) : readJsonLines(file);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read persona file: " + e.getMessage());
    }
    if (personas.isEmpty()) {
      throw new InputException(file + ": no personas in this file; add one JSON object per "
          + "line (.jsonl) or one row per persona under a header (.csv)");
    }
    Set<String> ids = new HashSet<>();
    for (Persona persona : personas) {
      if (!ids.add(persona.id())) {
        throw new InputException(file + ": persona id '" + persona.id() + "' is used twice; "
            + "ids must be unique");
      }
    }
    return personas;
  }

  private static List<Persona> readJsonLines(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Persona> personas = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = json.readTree(line);
        } catch (JacksonException e) {
          throw new InputException(file + ":" + lineNumber + ": not a JSON object: "
              + e.getOriginalMessage());
        }
        if (!node.isObject()) {
          throw new InputException(file + ":" + lineNumber + ": expected a JSON object such as "
              + "{\"id\": \"r1\", \"age\": \"34\", \"country\": \"Chile\"}");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (field.getValue().isContainerNode()) {
            throw new InputException(file + ":" + lineNumber + ": field '" + field.getKey()
                + "' must be text or a number, not a nested object or list");
          }
          fields.put(field.getKey(), field.getValue().isNull() ? "" : field.getValue().asText());
        }
        personas.add(persona(fields, lineNumber));
      }
    }
    return personas;
  }

  private static List<Persona> readCsv(Path file) throws IOException {
    CsvMapper csv = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<Persona> personas = new ArrayList<>();
    try (MappingIterator<Map<String, String>> rows =
        csv.readerForMapOf(String.class).with(schema).readValues(file.toFile())) {
      int lineNumber = 1;
      while (rows.hasNext()) {
        lineNumber++;
        personas.add(persona(rows.next(), lineNumber));
      }
    } catch (JacksonException e) {
      throw new InputException(file + ": malformed CSV (line " + e.getLocation().getLineNr()
          + "): " + e.getOriginalMessage());
    }
    return personas;
  }

  private static Persona persona(Map<String, String> fields, int lineNumber) {
    Map<String, String> attributes = new LinkedHashMap<>();
    String id = "line" + lineNumber;
    for (Map.Entry<String, String> field : fields.entrySet()) {
      String value = field.getValue() == null ? "" : field.getValue().trim();
      if (field.getKey().equals("id")) {
        id = value.isEmpty() ? id : value;
      } else if (!value.isEmpty()) {
        attributes.put(field.getKey(), value);
      }
    }
    return new Persona(id, attributes);
  }
}
