package io.github.govdx.benchmarks.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AbstractKeyword;
import com.networknt.schema.keyword.AbstractKeywordValidator;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import io.github.govdx.core.validate.IdentifierVerdict;
import io.github.govdx.core.validate.RecordValidator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the time of govdx record validation goes, for {@code docs/performance.md}: the 15-item schema of
 * {@link Records} validated by
 *
 * <ol>
 *   <li>plain networknt (the structural schema, as in {@link RecordValidationBenchmark});
 *   <li>plain networknt with a no-op custom keyword wherever the exported schema has an {@code x-govdx-*}
 *       keyword — the cost of networknt's per-keyword dispatch alone;
 *   <li>govdx with lookups that always pass — govdx's own walk and format checks, no table or identifier
 *       work;
 *   <li>govdx as shipped.
 * </ol>
 *
 * <p>The four run in turn in 100 ms slices on one thread (15 warm-up rounds, then 25 measured), and their
 * thread CPU time is compared, so machine load distorts the ratios little. Not a JMH benchmark; run with
 * {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.govdx.benchmarks.validate.ValidationCostBreakdown}. Not thread-safe.
 */
public final class ValidationCostBreakdown {

  private ValidationCostBreakdown() {}

  /**
   * Runs the comparison and prints records/s, µs per record and the ratio to plain networknt.
   *
   * @param args unused
   * @throws Exception if set-up fails
   */
  public static void main(String[] args) throws Exception {
    RecordValidator govdx = RecordValidator.builder(Records.schema()).build();
    RecordValidator passing =
        RecordValidator.builder(Records.schema())
            .codeTables((table, edition) -> Optional.of(code -> true))
            .identifiers(key -> Optional.of(value -> IdentifierVerdict.ok()))
            .build();
    ObjectNode structural = (ObjectNode) govdx.jsonSchema();
    swapGovdxKeywords(structural, null);
    Schema plain =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(structural);
    ObjectNode withNoOps = (ObjectNode) govdx.jsonSchema();
    int[] count = {0};
    swapGovdxKeywords(withNoOps, count);
    Dialect dialect =
        Dialect.builder(Dialects.getDraft202012())
            .keyword(new NoOp("x-noop0"))
            .keyword(new NoOp("x-noop1"))
            .keyword(new NoOp("x-noop2"))
            .build();
    Schema noOps = SchemaRegistry.withDialect(dialect).getSchema(withNoOps);

    ObjectMapper mapper = new ObjectMapper();
    JsonNode[] records = new JsonNode[1024];
    for (int i = 0; i < records.length; i++) {
      records[i] = mapper.readTree(Records.valid(i));
    }
    if (!govdx.validate(records[0]).isValid() || !noOps.validate(records[0]).isEmpty()) {
      throw new IllegalStateException("the sample record must be valid");
    }
    String[] names = {
      "plain networknt",
      "plain + " + count[0] + " no-op keywords",
      "govdx, lookups always pass",
      "govdx"
    };
    List<Runnable> runs = new ArrayList<>();
    runs.add(() -> forAll(records, plain::validate));
    runs.add(() -> forAll(records, noOps::validate));
    runs.add(() -> forAll(records, passing::validate));
    runs.add(() -> forAll(records, govdx::validate));

    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] nanos = new long[runs.size()];
    long[] done = new long[runs.size()];
    for (int round = 0; round < 40; round++) {
      for (int i = 0; i < runs.size(); i++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        long k = 0;
        while (cpu.getCurrentThreadCpuTime() - t0 < 100_000_000L) {
          runs.get(i).run();
          k++;
        }
        if (round >= 15) {
          nanos[i] += cpu.getCurrentThreadCpuTime() - t0;
          done[i] += k * records.length;
        }
      }
    }
    double plainRate = done[0] / (nanos[0] / 1e9);
    for (int i = 0; i < runs.size(); i++) {
      double rate = done[i] / (nanos[i] / 1e9);
      System.out.printf(
          "%-30s %8.0f records/s  %6.3f us/record  ratio to plain %.2f%n",
          names[i], rate, nanos[i] / 1e3 / done[i], rate / plainRate);
    }
  }

  private static void forAll(JsonNode[] records, java.util.function.Consumer<JsonNode> validate) {
    for (JsonNode r : records) {
      validate.accept(r);
    }
  }

  /**
   * Removes the {@code x-govdx-*} keywords; with {@code count} non-null, puts a no-op keyword in place of each
   * one that validates (not the annotations) and counts them.
   */
  private static void swapGovdxKeywords(JsonNode node, int[] count) {
    if (node instanceof ObjectNode) {
      ObjectNode o = (ObjectNode) node;
      List<String> govdx = new ArrayList<>();
      o.fieldNames()
          .forEachRemaining(
              k -> {
                if (k.startsWith("x-govdx-")) {
                  govdx.add(k);
                }
              });
      for (String k : govdx) {
        o.remove(k);
        boolean annotation = k.equals("x-govdx-resource") || k.equals("x-govdx-sensitivity");
        if (count != null && !annotation) {
          o.put("x-noop" + (count[0]++ % 3), 1);
        }
      }
      o.elements().forEachRemaining(e -> swapGovdxKeywords(e, count));
    } else if (node.isArray()) {
      node.forEach(e -> swapGovdxKeywords(e, count));
    }
  }

  /** A custom keyword that accepts everything. */
  private static final class NoOp extends AbstractKeyword {
    NoOp(String name) {
      super(name);
    }

    @Override
    public KeywordValidator newValidator(
        SchemaLocation location, JsonNode schemaNode, Schema parent, SchemaContext context) {
      return new AbstractKeywordValidator(this, schemaNode, location) {
        @Override
        public void validate(ExecutionContext ctx, JsonNode node, JsonNode root, NodePath at) {
          // accepts every value: only the dispatch is measured
        }
      };
    }
  }
}
