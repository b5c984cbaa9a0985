package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.catalog.CatalogEntries;
import io.github.govdx.core.catalog.CatalogEntry;
import io.github.govdx.core.validate.RecordValidator;
import io.github.govdx.core.validate.ResourceSchema;
import io.github.govdx.core.validate.ResourceSchemas;
import io.github.govdx.core.validate.ValidationReport;
import io.github.govdx.core.validate.Violation;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code govdx validate}: validates records against a resource schema and prints every violation.
 * Not thread-safe.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Validate records (.json or .ndjson) against a schema or catalog entry.",
    description = {
      "Validates records against the schema compiled from a catalog entry (--catalog) or a schema file",
      "(--schema) and prints one line per violation:",
      "  RECORD<TAB>POINTER<TAB>ITEM<TAB>CODE<TAB>RULE<TAB>MESSAGE",
      "then a summary. RECORDS is one JSON record, a JSON array of records, or NDJSON (.ndjson/.jsonl, one",
      "record a line, any length). Messages never repeat the offending value. Exit 1 if any record is invalid."
    })
public final class ValidateCommand extends BaseCommand {

  /** Exactly one schema source. */
  static final class Source {
    @Option(
        names = "--schema",
        required = true,
        paramLabel = "SCHEMA.json",
        description =
            "A resource schema file (JSON form of ResourceSchema, see docs/validation.md), or the JSON"
                + " Schema govdx exported for one (a document with \"$schema\", e.g. a catalog detail's"
                + " schema).")
    @Nullable Path schema;

    @Option(
        names = "--catalog",
        required = true,
        paramLabel = "ENTRY.json",
        description =
            "A catalog entry (GB/T 21063.3 / 2017 catalog guide) as JSON; its items give the schema.")
    @Nullable Path catalog;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  @Nullable Source source;

  @Option(
      names = "--in",
      required = true,
      paramLabel = "RECORDS",
      description = "The records (.json or .ndjson).")
  @Nullable Path in;

  @Option(
      names = "--max-violations",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "Report at most N violations (default: ${DEFAULT-VALUE}); the rest are counted.")
  int maxViolations;

  @Override
  protected int execute() {
    Source s = required(source, "--schema or --catalog");
    Path records = required(in, "--in");
    CliFiles.checkReadable(records, "--in");
    RecordValidator validator = validator(s);
    ValidationReport report;
    try (InputStream input = new BufferedInputStream(Files.newInputStream(records))) {
      report = run(validator, records, input);
    } catch (IOException | UncheckedIOException e) {
      throw CliFiles.unreadable(
          records,
          "--in",
          e instanceof IOException ? (IOException) e : ((UncheckedIOException) e).getCause());
    }
    print(report);
    return report.isValid() ? GovdxCli.EXIT_OK : GovdxCli.EXIT_CHECK_FAILED;
  }

  private RecordValidator validator(Source s) {
    ResourceSchema schema;
    if (s.catalog != null) {
      String json =
          new String(
              CliFiles.read(s.catalog, CliFiles.DOCUMENT_LIMIT, "--catalog"),
              StandardCharsets.UTF_8);
      try {
        CatalogEntry entry = CatalogEntries.fromJson(json);
        schema = ResourceSchema.fromCatalogEntry(entry);
      } catch (GovdxException e) {
        throw CliException.inputFailure("--catalog " + s.catalog, e);
      }
    } else {
      Path file = required(s.schema, "--schema");
      byte[] json = CliFiles.read(file, CliFiles.DOCUMENT_LIMIT, "--schema");
      try {
        JsonNode exported = exportedJsonSchema(json);
        schema =
            exported != null
                ? ResourceSchemas.fromJsonSchema(exported)
                : ResourceSchemas.fromJson(json);
      } catch (GovdxException e) {
        throw CliException.inputFailure("--schema " + file, e);
      }
    }
    try {
      return RecordValidator.builder(schema)
          .maxReportedViolations(Math.max(1, maxViolations))
          .build();
    } catch (GovdxException e) {
      throw CliException.inputFailure("schema", e);
    }
  }

  /**
   * The document as a tree if it is a JSON Schema (it has a {@code $schema} member: what {@code
   * RecordValidator.jsonSchema()} exports and a catalog detail carries), else {@code null} for the schema
   * file form (which reports its own parse errors).
   */
  private static @Nullable JsonNode exportedJsonSchema(byte[] json) {
    try {
      JsonNode n = SCHEMA_SNIFFER.readTree(json);
      return n != null && n.isObject() && n.has("$schema") ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static final ObjectMapper SCHEMA_SNIFFER = new ObjectMapper();

  private static ValidationReport run(RecordValidator validator, Path records, InputStream input)
      throws IOException {
    String name =
        records.getFileName() == null
            ? ""
            : records.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
      return validator.validateNdjson(input);
    }
    input.mark(64);
    int c;
    do {
      c = input.read();
    } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB
        || c == 0xBF);
    input.reset();
    return c == '[' ? validator.validateArray(input) : validator.validate(input);
  }

  private void print(ValidationReport report) {
    if (json()) {
      ObjectNode r = result();
      r.put("recordsChecked", report.recordsChecked());
      r.put("invalidRecords", report.invalidRecords());
      r.put("droppedViolations", report.droppedViolations());
      ArrayNode list = r.putArray("violations");
      for (Violation v : report.violations()) {
        ObjectNode n = list.addObject();
        n.put("record", v.recordIndex());
        n.put("pointer", v.pointer());
        n.put("item", v.itemName());
        n.put("code", v.codeText());
        n.put("rule", v.rule());
        n.put("severity", v.severity().name());
        n.put("messageEn", v.messageEn());
        n.put("messageZh", v.messageZh());
      }
      return;
    }
    PrintWriter w = out();
    for (Violation v : report.violations()) {
      w.println(
          v.recordIndex()
              + "\t"
              + v.pointer()
              + "\t"
              + v.itemName()
              + "\t"
              + v.codeText()
              + "\t"
              + v.rule()
              + "\t"
              + v.messageEn()
              + " / "
              + v.messageZh());
    }
    w.println(
        "# "
            + report.recordsChecked()
            + " record(s) checked, "
            + report.invalidRecords()
            + " invalid, "
            + report.violations().size()
            + " violation(s) shown"
            + (report.droppedViolations() > 0
                ? ", " + report.droppedViolations() + " more not shown"
                : "")
            + (report.isValid() ? " — all valid" : ""));
  }
}
