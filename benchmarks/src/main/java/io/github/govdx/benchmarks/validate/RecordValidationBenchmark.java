package io.github.govdx.benchmarks.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.govdx.core.validate.RecordValidator;
import io.github.govdx.core.validate.ValidationReport;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Records per second for a 15-item resource schema: govdx (structure plus govdx keywords: identifier checks,
 * code tables, calendar dates, decimals) against plain networknt running the same structural schema (the
 * exported schema with the {@code x-govdx-*} keywords removed). Both validate the same pre-parsed records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RecordValidationBenchmark {

  private static final int N = 1024;

  private RecordValidator govdx;
  private Schema plain;
  private JsonNode[] records;
  private byte[][] texts;
  private ObjectMapper mapper;
  private int next;

  /**
   * Compiles both schemas once and parses the records.
   *
   * @throws IOException never (in-memory JSON)
   */
  @Setup
  public void setUp() throws IOException {
    govdx = RecordValidator.builder(Records.schema()).build();
    ObjectNode structural = (ObjectNode) govdx.jsonSchema();
    strip(structural);
    plain =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(structural);
    mapper = new ObjectMapper();
    records = new JsonNode[N];
    texts = new byte[N][];
    for (int i = 0; i < N; i++) {
      texts[i] = Records.valid(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      records[i] = mapper.readTree(texts[i]);
    }
    if (!govdx.validate(records[0]).isValid() || !plain.validate(records[0]).isEmpty()) {
      throw new IllegalStateException(
          "sample record must be valid: " + govdx.validate(records[0]).violations());
    }
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().startsWith("x-govdx-")) {
          it.remove();
        } else {
          strip(e.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(RecordValidationBenchmark::strip);
    }
  }

  private byte[] nextText() {
    byte[] r = texts[next];
    next = (next + 1) & (N - 1);
    return r;
  }

  private JsonNode nextRecord() {
    JsonNode r = records[next];
    next = (next + 1) & (N - 1);
    return r;
  }

  /**
   * govdx: structure plus govdx keywords.
   *
   * @return the report
   */
  @Benchmark
  public ValidationReport govdx() {
    return govdx.validate(nextRecord());
  }

  /**
   * Plain networknt: the same structural schema, no govdx keywords.
   *
   * @return the errors
   */
  @Benchmark
  public List<Error> plainNetworknt() {
    return plain.validate(nextRecord());
  }

  /**
   * govdx from UTF-8 bytes: limits-checked parsing (StreamReadConstraints, duplicate detection, BigDecimal)
   * plus validation.
   *
   * @return the report
   */
  @Benchmark
  public ValidationReport govdxFromBytes() {
    return govdx.validate(nextText());
  }

  /**
   * Plain networknt from UTF-8 bytes: a default Jackson parse plus validation.
   *
   * @return the errors
   * @throws IOException never (in-memory JSON)
   */
  @Benchmark
  public List<Error> plainNetworkntFromBytes() throws IOException {
    return plain.validate(mapper.readTree(nextText()));
  }
}
