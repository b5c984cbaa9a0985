package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import io.github.govdx.client.ErrorDetail;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.RecordValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RecordValidator#plainJsonSchema()}: runs the resource's JSON Schema with the networknt validator as
 * plain JSON Schema 2020-12. The govdx keywords ({@code x-govdx-format}, {@code x-govdx-codeTable},
 * {@code x-govdx-identifier}, and the annotations {@code x-govdx-resource}, {@code x-govdx-sensitivity}) are
 * registered as annotations: they are known (no "unknown keyword" warning) but not checked. Compiled schemas
 * are cached per schema document (bounded: the cache is cleared when it exceeds 256 entries). Thread-safe.
 */
public final class JsonSchemaRecordValidator implements RecordValidator {

  /** The shared instance. */
  public static final JsonSchemaRecordValidator INSTANCE = new JsonSchemaRecordValidator();

  private final SchemaRegistry registry =
      SchemaRegistry.withDialect(
          Dialect.builder(Dialects.getDraft202012())
              .keyword(new NonValidationKeyword("x-govdx-format"))
              .keyword(new NonValidationKeyword("x-govdx-codeTable"))
              .keyword(new NonValidationKeyword("x-govdx-identifier"))
              .keyword(new NonValidationKeyword("x-govdx-resource"))
              .keyword(new NonValidationKeyword("x-govdx-sensitivity"))
              .build());
  private final Map<JsonNode, Schema> cache = new ConcurrentHashMap<>();

  private JsonSchemaRecordValidator() {}

  @Override
  public List<ErrorDetail> validate(ResourceDetail resource, JsonNode record) {
    JsonNode schemaNode = resource.schema().orElse(null);
    return schemaNode == null ? List.of() : validate(schemaNode, record);
  }

  /**
   * Validates a record against a JSON Schema document.
   *
   * @param schemaNode the schema
   * @param record the record
   * @return every violation (rule {@code jsonSchema.<keyword>}, no code); empty when valid
   */
  List<ErrorDetail> validate(JsonNode schemaNode, JsonNode record) {
    if (cache.size() > 256) {
      cache.clear();
    }
    Schema schema = cache.computeIfAbsent(schemaNode, registry::getSchema);
    List<Error> errors = schema.validate(record);
    List<ErrorDetail> out = new ArrayList<>(errors.size());
    for (Error e : errors) {
      String keyword = e.getKeyword() == null ? "schema" : e.getKeyword();
      out.add(new ErrorDetail(pointer(e), "jsonSchema." + keyword, ""));
    }
    return out;
  }

  private static String pointer(Error e) {
    NodePath p = e.getInstanceLocation();
    StringBuilder sb = new StringBuilder();
    if (p != null) {
      for (int i = 0; i < p.getNameCount(); i++) {
        Object el = p.getElement(i);
        sb.append('/').append(String.valueOf(el).replace("~", "~0").replace("/", "~1"));
      }
    }
    if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
      sb.append('/').append(e.getProperty());
    }
    return sb.toString();
  }
}
