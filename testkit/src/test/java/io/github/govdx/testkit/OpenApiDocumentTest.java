package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi.yaml} is a valid OpenAPI 3.1 document (the OpenAPI Initiative's schema, and every Schema
 * Object against the JSON Schema 2020-12 meta-schema), and its operations are exactly the sandbox's routes.
 */
class OpenApiDocumentTest {

  private static OpenApiContract contract;

  @BeforeAll
  static void load() {
    contract = OpenApiContract.load();
  }

  private static List<String> validateAgainstOas31(JsonNode document) throws IOException {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    JsonNode oas;
    try (InputStream in =
        OpenApiDocumentTest.class.getResourceAsStream("/openapi/oas-3.1-schema-2022-10-07.json")) {
      oas = new ObjectMapper().readTree(in);
    }
    assertThat(oas.path("$id").asText())
        .isEqualTo("https://spec.openapis.org/oas/3.1/schema/2022-10-07");
    Schema schema = registry.getSchema(oas);
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(document)) {
      out.add(e.toString());
    }
    return out;
  }

  @Test
  void document_isValidOpenApi31() throws IOException {
    JsonNode doc = contract.document();
    assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(doc.path("jsonSchemaDialect").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(validateAgainstOas31(doc)).isEmpty();
    assertThat(contract.unresolvedReferences()).isEmpty();
  }

  @Test
  void oas31Schema_rejectsABrokenDocument() throws IOException {
    // the check above can fail: a status that is not one, a parameter without "in" and a wrong
    // version
    ObjectNode broken = contract.document().deepCopy();
    ObjectNode responses = (ObjectNode) broken.at("/paths/~1v1~1catalog~1resources/get/responses");
    responses.set("ok", responses.remove("200"));
    ((ObjectNode) broken.at("/components/parameters/XGdxParty")).remove("in");
    broken.put("openapi", "3.0.3");
    assertThat(validateAgainstOas31(broken)).hasSizeGreaterThanOrEqualTo(3);
    ObjectNode dangling = contract.document().deepCopy();
    ((ObjectNode) dangling.at("/components/schemas")).remove("Instant");
    assertThat(OpenApiContract.of(dangling).unresolvedReferences())
        .contains("#/components/schemas/Instant");
  }

  @Test
  void everySchemaObject_isValidJsonSchema202012() {
    Schema meta =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    Map<String, JsonNode> schemas = new java.util.TreeMap<>();
    collectSchemaObjects(contract.document(), "", false, schemas);
    assertThat(schemas).hasSizeGreaterThan(60);
    List<String> errors = new ArrayList<>();
    schemas.forEach((pointer, s) -> meta.validate(s).forEach(e -> errors.add(pointer + ": " + e)));
    assertThat(errors).isEmpty();
    // and each compiles as a schema in the document's dialect
    for (String pointer : List.of("/components/schemas/Application", "/components/schemas/Event")) {
      assertThat(contract.validate(pointer, new ObjectMapper().createObjectNode())).isNotEmpty();
    }
  }

  /** Schema Objects: components.schemas.*, and every "schema" member of a parameter, header or media type. */
  private static void collectSchemaObjects(
      JsonNode n, String pointer, boolean isSchema, Map<String, JsonNode> out) {
    if (isSchema) {
      out.put(pointer, n);
      return;
    }
    if (n.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String p = pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
        if (pointer.equals("/components/schemas")) {
          collectSchemaObjects(e.getValue(), p, true, out);
        } else {
          collectSchemaObjects(e.getValue(), p, e.getKey().equals("schema"), out);
        }
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        collectSchemaObjects(n.get(i), pointer + "/" + i, false, out);
      }
    }
  }

  @Test
  void operations_areExactlyTheSandboxRoutes() {
    Set<String> routes =
        Arrays.stream(Route.values())
            .map(r -> r.method() + " " + r.pathTemplate())
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(contract.operations()).containsExactlyElementsOf(routes);
    for (Route r : Route.values()) {
      JsonNode op = contract.operation(r);
      assertThat(op.path("operationId").asText()).as(r.name()).isNotEmpty();
      // every route names the caller and answers errors with the common error body
      assertThat(parameterNames(op)).as(r.name()).contains("X-Gdx-Party", "X-Request-Id");
      JsonNode bad = contract.resolve(op.path("responses").path("400"));
      assertThat(bad.at("/content/application~1json/schema/$ref").asText())
          .as(r.name())
          .isEqualTo("#/components/schemas/Error");
    }
  }

  private static Set<String> parameterNames(JsonNode op) {
    Set<String> names = new TreeSet<>();
    for (JsonNode p : op.path("parameters")) {
      names.add(contract.resolve(p).path("name").asText());
    }
    return names;
  }

  @Test
  void responseSchemas_rejectAnAddedOrMissingMember() throws IOException {
    ObjectMapper m = new ObjectMapper();
    JsonNode error =
        m.readTree(
            "{\"code\":\"GDX-3208\",\"message\":\"GDX-3208: x\",\"requestId\":\"r-1\",\"source\":\"platform\"}");
    assertThat(contract.validate("/components/schemas/Error", error)).isEmpty();
    assertThat(
            contract.validate(
                "/components/schemas/Error", ((ObjectNode) error.deepCopy()).put("extra", 1)))
        .isNotEmpty();
    ObjectNode noSource = error.deepCopy();
    noSource.remove("source");
    assertThat(contract.validate("/components/schemas/Error", noSource)).isNotEmpty();
    assertThat(
            contract.validate(
                "/components/schemas/Error",
                ((ObjectNode) error.deepCopy()).put("serverTime", "yesterday")))
        .isNotEmpty();
  }

  @Test
  void providerDocument_isValidOpenApi31_andSharesThePlatformsComponents() throws IOException {
    OpenApiContract provider = OpenApiContract.load("openapi-provider.yaml");
    JsonNode doc = provider.document();
    assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(validateAgainstOas31(doc)).isEmpty();
    assertThat(provider.unresolvedReferences()).isEmpty();
    Map<String, JsonNode> schemas = new java.util.TreeMap<>();
    collectSchemaObjects(doc, "", false, schemas);
    Schema meta =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    List<String> errors = new ArrayList<>();
    schemas.forEach((pointer, s) -> meta.validate(s).forEach(e -> errors.add(pointer + ": " + e)));
    assertThat(errors).isEmpty();
    // a component both documents hold is the same in both: the error body, the envelope, ids,
    // headers
    int shared = 0;
    for (String section : List.of("parameters", "headers", "schemas")) {
      Iterator<Map.Entry<String, JsonNode>> it = doc.path("components").path(section).fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode platform = contract.document().path("components").path(section).path(e.getKey());
        if (!platform.isMissingNode()) {
          assertThat(e.getValue()).as(section + "/" + e.getKey()).isEqualTo(platform);
          shared++;
        }
      }
    }
    assertThat(shared).isGreaterThanOrEqualTo(20);
    // the provider interface: §13's two forwarded routes and §15.8's four transfer routes
    assertThat(provider.operations())
        .containsExactly(
            "GET /v1/transfers/{transferId}",
            "POST /v1/data/{classCode}/{sequence}/batches",
            "POST /v1/data/{classCode}/{sequence}/query",
            "POST /v1/transfers",
            "POST /v1/transfers/{transferId}/complete",
            "PUT /v1/transfers/{transferId}/parts/{partNumber}");
  }
}
