package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.github.govdx.client.ErrorDetail;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.RecordValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link RecordValidator#jsonSchema()}: runs the resource's JSON Schema with the networknt validator. Compiled
 * schemas are cached per schema document (bounded: the cache is cleared when it exceeds 256 entries).
 * Thread-safe.
 */
public final class JsonSchemaRecordValidator implements RecordValidator {

  /** The shared instance. */
  public static final JsonSchemaRecordValidator INSTANCE = new JsonSchemaRecordValidator();

  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<JsonNode, Schema> cache = new ConcurrentHashMap<>();

  private JsonSchemaRecordValidator() {
  }

  @Override
  public List<ErrorDetail> validate(ResourceDetail resource, JsonNode record) {
    JsonNode schemaNode = resource.schema().orElse(null);
    if (schemaNode == null) {
      return List.of();
    }
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
