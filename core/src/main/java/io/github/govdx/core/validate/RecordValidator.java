package io.github.govdx.core.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.FailFastAssertionException;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates records against a compiled {@link ResourceSchema}.
 *
 * <p>The schema is compiled once, in {@link Builder#build()}, to JSON Schema draft 2020-12 plus the govdx
 * keywords ({@code x-govdx-format}, {@code x-govdx-codeTable}, {@code x-govdx-identifier}). The networknt
 * json-schema-validator checks the structure (the standard keywords); the govdx keywords then run as one
 * compiled walk over the record. Code tables and identifier checks are resolved at build time. Validating one
 * record or a million uses the same compiled schema. A report lists a record's structural violations first, then
 * those of the govdx keywords, each group in schema order.
 *
 * <pre>{@code
 * RecordValidator validator = RecordValidator.builder(schema).build();
 * ValidationReport report = validator.validate("{\"xm\":\"张三\"}");
 * for (Violation v : report.violations()) {
 *   log(v.pointer() + " " + v.itemName() + " " + v.codeText() + " " + v.messageZh());
 * }
 * }</pre>
 *
 * <p>Inputs: a single record ({@link #validate(JsonNode)}, text, bytes or a stream), a JSON array of records
 * ({@link #validateArray(InputStream)}, read one element at a time) and NDJSON ({@link #validateNdjson}, one
 * record per line, constant memory for any length). Text inputs are refused beyond the
 * {@link ValidationLimits} before they cost memory: a single document with a {@link GovdxException}
 * ({@code GDX-1411} limit, {@code GDX-1412} malformed), an array or NDJSON record with a violation at that
 * record's index. Reports are capped ({@link Builder#maxReportedViolations(int)}) and count what they drop.
 *
 * <p>Immutable and thread-safe.
 */
public final class RecordValidator {

  private static final Logger LOG = LoggerFactory.getLogger(RecordValidator.class);

  private final ResourceSchema resourceSchema;
  private final SchemaCompiler.Compiled compiled;
  private final GovdxChecks checks;
  private final Schema schema;
  private final ErrorMapper mapper;
  private final ValidationMode mode;
  private final ValidationLimits limits;
  private final int maxReported;
  private final ObjectMapper json;
  private final ObjectMapper arrayJson;
  private final Consumer<ExecutionContext> contextSetup;
  private final ValidationReport validOne = new ValidationReport(List.of(), 0, 1, 0);

  private RecordValidator(Builder b) {
    this.resourceSchema = b.schema;
    this.mode = b.mode;
    this.limits = b.limits;
    this.maxReported = b.maxReported;
    this.compiled = SchemaCompiler.compile(b.schema, true);
    this.mapper = new ErrorMapper(compiled.items);
    // networknt checks the structure only (the standard keywords); the govdx keywords run
    // afterwards as one
    // compiled walk (GovdxChecks), which costs far less than a dozen custom keywords inside
    // networknt
    this.checks = GovdxChecks.compile(compiled.schema, compiled.items, b.codeTables, b.identifiers);
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, r -> r.schemaRegistryConfig(config));
    try {
      this.schema = registry.getSchema(runtimeCopy(compiled.schema));
      this.schema.initializeValidators();
    } catch (SchemaException | IllegalArgumentException e) {
      throw new GovdxException(CoreErrorCode.RESOURCE_SCHEMA_INVALID, "schema does not compile", e);
    }
    this.json = mapper(limits.maxNestingDepth(), limits.maxDocumentBytes(), true);
    this.arrayJson = mapper(limits.maxNestingDepth() + 1, limits.maxDocumentBytes(), false);
    boolean failFast = mode == ValidationMode.FAIL_FAST;
    this.contextSetup = ctx -> ctx.executionConfig(c -> c.failFast(failFast));
    LOG.debug(
        "compiled resource schema {} with {} items", resourceSchema.name(), compiled.items.size());
  }

  /**
   * The schema networknt runs: the exported schema without the {@code x-govdx-*} keywords (annotations, and the
   * checks {@link GovdxChecks} runs itself).
   */
  private static JsonNode runtimeCopy(JsonNode exported) {
    JsonNode copy = exported.deepCopy();
    prune(copy);
    return copy;
  }

  private static void prune(JsonNode node) {
    if (!node.isObject()) {
      return;
    }
    com.fasterxml.jackson.databind.node.ObjectNode o =
        (com.fasterxml.jackson.databind.node.ObjectNode) node;
    o.remove(
        List.of(
            SchemaCompiler.KW_RESOURCE,
            SchemaCompiler.KW_SENSITIVITY,
            SchemaCompiler.KW_FORMAT,
            SchemaCompiler.KW_CODE_TABLE,
            SchemaCompiler.KW_IDENTIFIER));
    JsonNode props = o.get("properties");
    if (props != null) {
      props.forEach(RecordValidator::prune);
    }
    JsonNode items = o.get("items");
    if (items != null) {
      prune(items);
    }
  }

  private ObjectMapper mapper(int depth, long documentBytes, boolean wholeDocument) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(depth)
                    .maxDocumentLength(documentBytes)
                    .maxStringLength(limits.maxStringLength())
                    .maxNumberLength(limits.maxNumberLength())
                    .maxNameLength(limits.maxNameLength())
                    .build())
            .build();
    return JsonMapper.builder(factory)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, wholeDocument)
        .build();
  }

  /**
   * Starts a builder for a schema.
   *
   * @param schema the resource schema
   * @return a builder
   * @throws NullPointerException if {@code schema} is null
   */
  public static Builder builder(ResourceSchema schema) {
    return new Builder(Objects.requireNonNull(schema, "schema == null"));
  }

  /**
   * The resource schema this validator was compiled from.
   *
   * @return the schema
   */
  public ResourceSchema resourceSchema() {
    return resourceSchema;
  }

  /**
   * The generated JSON Schema (draft 2020-12 with {@code x-govdx-*} keywords), for teams on other stacks: the
   * standard keywords enforce the same structure (types, required items, lengths, character shapes, date
   * layouts, unknown items); the {@code x-govdx-*} keywords are annotations there, documented in
   * {@code docs/validation.md}.
   *
   * @return a fresh copy of the schema document
   */
  public JsonNode jsonSchema() {
    return compiled.schema.deepCopy();
  }

  /**
   * The generated JSON Schema as pretty-printed text.
   *
   * @return the schema text
   */
  public String jsonSchemaText() {
    try {
      return new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(compiled.schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Validates one record that is already a tree (limits on size are the caller's: the tree is in memory).
   *
   * @param record the record
   * @return the report
   * @throws NullPointerException if {@code record} is null
   */
  public ValidationReport validate(JsonNode record) {
    Objects.requireNonNull(record, "record == null");
    List<Violation> violations = check(record, 0);
    if (violations.isEmpty()) {
      return validOne;
    }
    ReportCollector c = new ReportCollector(maxReported, v -> {});
    c.record(violations);
    return c.report();
  }

  /**
   * Validates one record given as JSON text.
   *
   * @param record the JSON text
   * @return the report
   * @throws GovdxException {@code GDX-1411} if the text exceeds a limit, {@code GDX-1412} if it is not JSON
   * @throws NullPointerException if {@code record} is null
   */
  public ValidationReport validate(String record) {
    Objects.requireNonNull(record, "record == null");
    if (record.length() > limits.maxDocumentBytes()) {
      throw new GovdxException(
          CoreErrorCode.RECORD_LIMIT_EXCEEDED,
          "document of "
              + record.length()
              + " characters exceeds the limit of "
              + limits.maxDocumentBytes());
    }
    return validate(new ByteArrayInputStream(record.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Validates one record given as UTF-8 JSON bytes.
   *
   * @param record the JSON bytes
   * @return the report
   * @throws GovdxException {@code GDX-1411} if the input exceeds a limit, {@code GDX-1412} if it is not JSON
   * @throws NullPointerException if {@code record} is null
   */
  public ValidationReport validate(byte[] record) {
    Objects.requireNonNull(record, "record == null");
    return validate(new ByteArrayInputStream(record));
  }

  /**
   * Validates one record read from a stream (not closed), refusing it as soon as it exceeds a limit.
   *
   * @param record the JSON input
   * @return the report
   * @throws GovdxException {@code GDX-1411} if the input exceeds a limit, {@code GDX-1412} if it is not JSON
   * @throws UncheckedIOException if reading fails
   * @throws NullPointerException if {@code record} is null
   */
  public ValidationReport validate(InputStream record) {
    Objects.requireNonNull(record, "record == null");
    JsonNode node = parse(json, record);
    return validate(node);
  }

  private static JsonNode parse(ObjectMapper m, InputStream in) {
    try {
      JsonNode node;
      try {
        node = m.readTree(in);
      } catch (NumberFormatException e) {
        throw numberOutOfRange(e);
      }
      if (node == null || node.isMissingNode()) {
        throw new GovdxException(CoreErrorCode.RECORD_MALFORMED, "empty input");
      }
      return node;
    } catch (StreamConstraintsException e) {
      throw new GovdxException(CoreErrorCode.RECORD_LIMIT_EXCEEDED, limitMessage(e), e);
    } catch (JsonParseException e) {
      throw new GovdxException(CoreErrorCode.RECORD_MALFORMED, malformedMessage(e), e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new GovdxException(CoreErrorCode.RECORD_MALFORMED, malformedMessage(e), e);
    } catch (CharConversionException e) {
      throw new GovdxException(CoreErrorCode.RECORD_MALFORMED, ENCODING_MESSAGE, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Bytes that are not in the character encoding Jackson detected (UTF-8, or UTF-16/32 from leading zero bytes), e.g.
   * a code point above U+10FFFF: malformed input, not a failure to read (found by fuzzing, docs/security.md).
   */
  private static final String ENCODING_MESSAGE =
      "not well-formed JSON (invalid character encoding)";

  /**
   * A JSON number whose exponent BigDecimal cannot hold (e.g. {@code 1e4002220400}): well-formed JSON, but beyond what
   * the validator represents, so refused as over a limit (found by fuzzing, docs/security.md).
   */
  private static final String NUMBER_RANGE_MESSAGE =
      "input exceeds a configured limit: a number's exponent is outside the supported range";

  private static GovdxException numberOutOfRange(NumberFormatException e) {
    return new GovdxException(CoreErrorCode.RECORD_LIMIT_EXCEEDED, NUMBER_RANGE_MESSAGE, e);
  }

  private static String limitMessage(StreamConstraintsException e) {
    String m = e.getOriginalMessage();
    return "input exceeds a configured limit: " + (m == null ? "constraint" : m);
  }

  private static String malformedMessage(com.fasterxml.jackson.core.JsonProcessingException e) {
    // Jackson's original message may quote input (personal data); keep only its location.
    com.fasterxml.jackson.core.JsonLocation loc = e.getLocation();
    return "not well-formed JSON"
        + (loc == null ? "" : " near line " + loc.getLineNr() + ", column " + loc.getColumnNr());
  }

  /**
   * Validates a JSON array of records, one element at a time; violations carry the element index. The whole
   * array must fit {@link ValidationLimits#maxDocumentBytes()} (use NDJSON for unbounded input). The stream is
   * not closed.
   *
   * @param records the JSON array
   * @return the report over all records
   * @throws GovdxException {@code GDX-1411} if the input exceeds a limit, {@code GDX-1412} if it is not a
   *     JSON array
   * @throws UncheckedIOException if reading fails
   * @throws NullPointerException if {@code records} is null
   */
  public ValidationReport validateArray(InputStream records) {
    Objects.requireNonNull(records, "records == null");
    ReportCollector c = new ReportCollector(maxReported, v -> {});
    try (JsonParser p = arrayJson.createParser(records)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new GovdxException(
            CoreErrorCode.RECORD_MALFORMED, "expected a JSON array of records");
      }
      long index = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        JsonNode node;
        try {
          node = arrayJson.readTree(p);
        } catch (NumberFormatException e) {
          throw numberOutOfRange(e);
        }
        c.record(check(node, index++));
      }
      if (p.nextToken() != null) {
        throw new GovdxException(
            CoreErrorCode.RECORD_MALFORMED, "trailing content after the JSON array");
      }
    } catch (StreamConstraintsException e) {
      throw new GovdxException(CoreErrorCode.RECORD_LIMIT_EXCEEDED, limitMessage(e), e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new GovdxException(CoreErrorCode.RECORD_MALFORMED, malformedMessage(e), e);
    } catch (CharConversionException e) {
      throw new GovdxException(CoreErrorCode.RECORD_MALFORMED, ENCODING_MESSAGE, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c.report();
  }

  /**
   * Validates NDJSON (one JSON record per line, UTF-8) in constant memory. Blank lines are skipped and not
   * counted; a line over {@link ValidationLimits#maxRecordBytes()} is skipped unread and reported, as is a
   * malformed line. The stream is not closed.
   *
   * @param ndjson the NDJSON input
   * @return the report, with at most the configured number of violations
   * @throws UncheckedIOException if reading fails
   * @throws NullPointerException if {@code ndjson} is null
   */
  public ValidationReport validateNdjson(InputStream ndjson) {
    return validateNdjson(ndjson, v -> {});
  }

  /**
   * Validates NDJSON like {@link #validateNdjson(InputStream)} and also hands every violation, uncapped, to
   * {@code sink} as it is found (e.g. to write an error file).
   *
   * @param ndjson the NDJSON input
   * @param sink receives every violation
   * @return the report, with at most the configured number of violations
   * @throws UncheckedIOException if reading fails
   * @throws NullPointerException if an argument is null
   */
  public ValidationReport validateNdjson(InputStream ndjson, Consumer<Violation> sink) {
    Objects.requireNonNull(ndjson, "ndjson == null");
    Objects.requireNonNull(sink, "sink == null");
    ReportCollector c = new ReportCollector(maxReported, sink);
    NdjsonLines lines = new NdjsonLines(ndjson, limits.maxRecordBytes());
    long index = 0;
    try {
      while (lines.next()) {
        if (lines.blank()) {
          continue;
        }
        long i = index++;
        if (lines.overflow()) {
          c.record(
              List.of(
                  inputViolation(
                      i,
                      CoreErrorCode.RECORD_LIMIT_EXCEEDED,
                      "record longer than " + limits.maxRecordBytes() + " bytes was skipped",
                      "记录超过 " + limits.maxRecordBytes() + " 字节，已跳过")));
          continue;
        }
        JsonNode node;
        try {
          node = json.readTree(lines.buffer(), 0, lines.length());
        } catch (StreamConstraintsException e) {
          c.record(
              List.of(
                  inputViolation(
                      i,
                      CoreErrorCode.RECORD_LIMIT_EXCEEDED,
                      limitMessage(e),
                      "记录超出输入限制（长度、嵌套深度、字符串或数字长度）")));
          continue;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          c.record(
              List.of(
                  inputViolation(
                      i, CoreErrorCode.RECORD_MALFORMED, malformedMessage(e), "记录不是格式正确的 JSON")));
          continue;
        } catch (NumberFormatException e) {
          c.record(
              List.of(
                  inputViolation(
                      i,
                      CoreErrorCode.RECORD_LIMIT_EXCEEDED,
                      NUMBER_RANGE_MESSAGE,
                      "记录中有数值的指数超出可表示的范围")));
          continue;
        } catch (CharConversionException e) {
          c.record(
              List.of(
                  inputViolation(
                      i,
                      CoreErrorCode.RECORD_MALFORMED,
                      ENCODING_MESSAGE,
                      "记录不是格式正确的 JSON（字符编码无效）")));
          continue;
        }
        c.record(check(node, i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c.report();
  }

  private static Violation inputViolation(long index, CoreErrorCode code, String en, String zh) {
    return new Violation(
        index,
        "",
        "",
        code == CoreErrorCode.RECORD_MALFORMED ? "json" : "limit",
        code,
        en,
        zh,
        Severity.ERROR);
  }

  private List<Violation> check(JsonNode node, long index) {
    boolean failFast = mode == ValidationMode.FAIL_FAST;
    List<Error> errors;
    try {
      errors = failFast ? schema.validate(node, contextSetup) : schema.validate(node);
    } catch (FailFastAssertionException e) {
      errors = e.getErrors();
    }
    if (failFast && !errors.isEmpty()) {
      return mapper.map(errors.subList(0, 1), index);
    }
    List<Violation> govdx = checks.run(node, index, failFast);
    if (errors.isEmpty()) {
      return govdx;
    }
    // structural violations first (in networknt's evaluation order), then the govdx checks (in
    // schema order)
    List<Violation> all = new java.util.ArrayList<>(mapper.map(errors, index));
    all.addAll(govdx);
    return all;
  }

  /** Builds a {@link RecordValidator}. Not thread-safe. */
  public static final class Builder {
    private final ResourceSchema schema;
    private ValidationMode mode = ValidationMode.COLLECT_ALL;
    private ValidationLimits limits = ValidationLimits.defaults();
    private CodeTableLookup codeTables = CodeTableLookup.defaultLookup();
    private IdentifierLookup identifiers = IdentifierLookup.defaultLookup();
    private int maxReported = 1000;

    private Builder(ResourceSchema schema) {
      this.schema = schema;
    }

    /**
     * Sets collect-all (default) or fail-fast.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(ValidationMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode == null");
      return this;
    }

    /**
     * Sets the input limits.
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(ValidationLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits == null");
      return this;
    }

    /**
     * Sets where code tables come from (default: govdx's registry).
     *
     * @param lookup the lookup
     * @return this builder
     */
    public Builder codeTables(CodeTableLookup lookup) {
      this.codeTables = Objects.requireNonNull(lookup, "lookup == null");
      return this;
    }

    /**
     * Sets where identifier checks come from (default: govdx's checks).
     *
     * @param lookup the lookup
     * @return this builder
     */
    public Builder identifiers(IdentifierLookup lookup) {
      this.identifiers = Objects.requireNonNull(lookup, "lookup == null");
      return this;
    }

    /**
     * Sets how many violations a report lists at most (default 1000); the rest are counted.
     *
     * @param max the cap
     * @return this builder
     * @throws IllegalArgumentException if {@code max < 1}
     */
    public Builder maxReportedViolations(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("max < 1");
      }
      this.maxReported = max;
      return this;
    }

    /**
     * Compiles the schema.
     *
     * @return the validator
     * @throws GovdxException {@code GDX-1413} if the schema refers to an unknown code table or identifier check
     */
    public RecordValidator build() {
      return new RecordValidator(this);
    }
  }
}
