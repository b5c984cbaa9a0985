package io.github.govdx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code docs/openapi.yaml} loaded for tests: its operations, {@code $ref} resolution and validation of JSON
 * instances against its schemas (JSON Schema 2020-12, formats asserted, by networknt).
 */
final class OpenApiContract {

  /** The document's own location, against which its {@code #/components/...} references resolve. */
  static final String BASE = "https://govdx.invalid/docs/openapi.json";

  static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private final JsonNode doc;
  private final SchemaRegistry registry;
  private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

  private OpenApiContract(JsonNode doc) {
    this.doc = doc;
    String json;
    try {
      json = new ObjectMapper().writeValueAsString(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(config).schemas(Map.of(BASE, json)));
  }

  /** The repository's {@code docs/openapi.yaml} (tests run in the module's directory). */
  static Path documentPath() {
    return documentPath("openapi.yaml");
  }

  /** A document under the repository's {@code docs/} (tests run in the module's directory). */
  static Path documentPath(String file) {
    for (Path p : List.of(Path.of("..", "docs", file), Path.of("docs", file))) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "docs/" + file + " not found from " + Path.of("").toAbsolutePath());
  }

  static JsonNode readYaml(Path p) {
    try {
      return new YAMLMapper().readTree(p.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static OpenApiContract load() {
    return load("openapi.yaml");
  }

  static OpenApiContract load(String file) {
    return new OpenApiContract(readYaml(documentPath(file)));
  }

  static OpenApiContract of(JsonNode doc) {
    return new OpenApiContract(doc);
  }

  JsonNode document() {
    return doc;
  }

  /** Every operation as {@code "METHOD template"}. */
  Set<String> operations() {
    Set<String> out = new TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> e = paths.next();
      e.getValue()
          .fieldNames()
          .forEachRemaining(
              m -> {
                if (METHODS.contains(m)) {
                  out.add(m.toUpperCase(Locale.ROOT) + " " + e.getKey());
                }
              });
    }
    return out;
  }

  /** An operation found by its path template, with the path's parameters. */
  record OperationMatch(
      String method, String template, JsonNode operation, Map<String, String> params) {}

  /**
   * The operation whose path template matches a request path ({@code {name}} matches one segment), or null.
   *
   * @param method the HTTP method
   * @param path the request path
   * @return the match, or null when no template matches
   */
  @Nullable OperationMatch match(String method, String path) {
    Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> e = paths.next();
      List<String> names = new ArrayList<>();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\\{([A-Za-z]+)\\}").matcher(e.getKey());
      StringBuilder regex = new StringBuilder();
      int last = 0;
      while (m.find()) {
        regex.append(java.util.regex.Pattern.quote(e.getKey().substring(last, m.start())));
        regex.append("([^/]+)");
        names.add(m.group(1));
        last = m.end();
      }
      regex.append(java.util.regex.Pattern.quote(e.getKey().substring(last)));
      java.util.regex.Matcher pm = java.util.regex.Pattern.compile(regex.toString()).matcher(path);
      if (!pm.matches()) {
        continue;
      }
      JsonNode op = e.getValue().path(method.toLowerCase(Locale.ROOT));
      if (op.isMissingNode()) {
        continue;
      }
      Map<String, String> params = new java.util.HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        params.put(names.get(i), pm.group(i + 1));
      }
      return new OperationMatch(method, e.getKey(), op, params);
    }
    return null;
  }

  /** The operation of a route, or a missing node. */
  JsonNode operation(Route route) {
    return doc.path("paths")
        .path(route.pathTemplate())
        .path(route.method().toLowerCase(Locale.ROOT));
  }

  /** Follows {@code $ref} (local references only) until a node without one. */
  JsonNode resolve(JsonNode node) {
    JsonNode n = node;
    for (int i = 0; i < 16 && n.has("$ref"); i++) {
      String ref = n.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalArgumentException("not a local reference: " + ref);
      }
      n = doc.at(ref.substring(1));
      if (n.isMissingNode()) {
        throw new IllegalArgumentException("unresolved reference: " + ref);
      }
    }
    return n;
  }

  /** Every {@code $ref} in the document that does not resolve. */
  List<String> unresolvedReferences() {
    List<String> out = new ArrayList<>();
    collectRefs(doc, out);
    return out;
  }

  private void collectRefs(JsonNode n, List<String> out) {
    if (n.isObject()) {
      JsonNode ref = n.get("$ref");
      if (ref != null && ref.isTextual()) {
        String r = ref.asText();
        if (!r.startsWith("#/") || doc.at(r.substring(1)).isMissingNode()) {
          out.add(r);
        }
      }
      n.elements().forEachRemaining(c -> collectRefs(c, out));
    } else if (n.isArray()) {
      n.elements().forEachRemaining(c -> collectRefs(c, out));
    }
  }

  /**
   * Validates an instance against the schema at a JSON Pointer of the document (e.g. {@code
   * /components/schemas/Application}), references resolved against the document.
   *
   * @return the errors, as text
   */
  List<String> validate(String schemaPointer, JsonNode instance) {
    JsonNode schema = doc.at(schemaPointer);
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException("no schema at " + schemaPointer);
    }
    return validate(schema, instance);
  }

  /**
   * Validates an instance against a Schema Object of the document (inline or a component), its local references
   * resolved against the document.
   *
   * @return the errors, as text
   */
  List<String> validate(JsonNode schemaObject, JsonNode instance) {
    JsonNode absolute = absoluteRefs(schemaObject.deepCopy());
    Schema s =
        compiled.computeIfAbsent(
            absolute.toString(),
            k -> {
              Schema schema = registry.getSchema(SchemaLocation.of(BASE + "/inline"), absolute);
              schema.initializeValidators();
              return schema;
            });
    List<String> out = new ArrayList<>();
    for (Error e : s.validate(instance)) {
      out.add(e.toString());
    }
    return out;
  }

  private static JsonNode absoluteRefs(JsonNode n) {
    if (n.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode o =
          (com.fasterxml.jackson.databind.node.ObjectNode) n;
      JsonNode ref = o.get("$ref");
      if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
        o.put("$ref", BASE + ref.asText());
      }
      o.elements().forEachRemaining(OpenApiContract::absoluteRefs);
    } else if (n.isArray()) {
      n.elements().forEachRemaining(OpenApiContract::absoluteRefs);
    }
    return n;
  }

  /** A text value coerced to the JSON type its parameter schema declares (query, path and header values). */
  JsonNode coerce(JsonNode schema, String value) {
    String type = resolve(schema).path("type").asText("string");
    try {
      if (type.equals("integer")) {
        return JsonNodeFactory.instance.numberNode(Long.parseLong(value));
      }
      if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
        return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
      }
    } catch (NumberFormatException e) {
      // not a number: validated as text, so the schema's type check reports it
    }
    return JsonNodeFactory.instance.textNode(value);
  }
}
