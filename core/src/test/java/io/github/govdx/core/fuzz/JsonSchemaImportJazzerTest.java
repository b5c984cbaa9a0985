package io.github.govdx.core.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.core.validate.RecordValidator;
import io.github.govdx.core.validate.ResourceSchema;
import io.github.govdx.core.validate.ResourceSchemas;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of schema import: arbitrary bytes as a govdx schema file ({@link
 * ResourceSchemas#fromJson(byte[])}) and, when they are JSON, as an exported JSON Schema 2020-12 document
 * ({@link ResourceSchemas#fromJsonSchema(JsonNode)}). An imported schema must compile to a validator, export
 * again and validate a record, or be refused with a {@code GDX-} code ({@code GDX-1413} for a bad schema).
 */
class JsonSchemaImportJazzerTest {

  private static final ObjectMapper M = new ObjectMapper();

  @FuzzTest
  void fromJson(byte[] file) {
    FuzzContract.handledOrRefused(() -> use(ResourceSchemas.fromJson(file)));
  }

  @FuzzTest
  void fromJsonSchema(byte[] document) {
    JsonNode node;
    try {
      node = M.readTree(document);
    } catch (IOException | RuntimeException notJson) {
      return; // only JSON reaches the importer; fromJson covers the parsing
    }
    if (node == null) {
      return;
    }
    FuzzContract.handledOrRefused(() -> use(ResourceSchemas.fromJsonSchema(node)));
  }

  private static void use(ResourceSchema schema) {
    RecordValidator validator = RecordValidator.builder(schema).build();
    ResourceSchemas.toJson(schema);
    validator.jsonSchemaText();
    validator.validate("{}");
  }
}
