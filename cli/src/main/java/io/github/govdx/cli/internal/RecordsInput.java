package io.github.govdx.cli.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.govdx.cli.CliErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the records of {@code govdx push --records}: a JSON array of objects, or NDJSON (one object a line; any
 * whitespace-separated sequence of objects, so a single pretty-printed object too), from a file or standard input
 * ({@code -}). The size is checked before parsing, a UTF-8 byte order mark is skipped, duplicate member names and
 * anything after the array are refused.
 *
 * <p>Records may hold personal data: no message ever quotes the input, only the record number, line and column.
 * Every failure is a {@link CliException} with exit code 2 ({@code GDX-5002}, {@code GDX-5003} or {@code
 * GDX-5006}). Thread-safe (stateless).
 */
final class RecordsInput {

  /** The largest records input accepted, in bytes. */
  static final long LIMIT = 64L << 20;

  /** The most records one batch holds (docs/protocol.md section 10). */
  static final int MAX_RECORDS = 10_000;

  private RecordsInput() {}

  /**
   * Reads the records.
   *
   * @param ctx the run's context (standard input, the JSON mapper)
   * @param source a file path, or {@code -} for standard input
   * @return the records, 1 to {@link #MAX_RECORDS} JSON objects
   */
  static List<JsonNode> read(CliContext ctx, String source) {
    String what = source.equals("-") ? "--records - (standard input)" : "--records " + source;
    byte[] bytes = source.equals("-") ? readStdin(ctx.in()) : read(Path.of(source));
    int start = skipBom(bytes);
    ObjectReader reader =
        ctx.mapper()
            .readerFor(JsonNode.class)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    List<JsonNode> records = new ArrayList<>();
    try {
      if (firstSignificant(bytes, start) == '[') {
        JsonNode array =
            reader
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readTree(bytes, start, bytes.length - start);
        for (JsonNode n : array) {
          add(records, n, what, null);
        }
      } else {
        try (MappingIterator<JsonNode> it = reader.readValues(bytes, start, bytes.length - start)) {
          while (it.hasNextValue()) {
            JsonLocation at = it.getParser().currentTokenLocation();
            add(records, it.nextValue(), what, at);
          }
        }
      }
    } catch (JsonProcessingException e) {
      throw CliException.error(
          CliErrorCode.INPUT_MALFORMED,
          what + ": not well-formed JSON" + CliFiles.locationOf(e) + kind(e),
          null);
    } catch (IOException e) {
      throw CliException.error(
          CliErrorCode.FILE_UNREADABLE, what + ": " + e.getClass().getSimpleName(), e);
    }
    if (records.isEmpty()) {
      throw CliException.error(
          CliErrorCode.INPUT_MALFORMED,
          what
              + " holds no record (expected a JSON array or NDJSON of 1 to "
              + MAX_RECORDS
              + " objects)");
    }
    return records;
  }

  private static void add(
      List<JsonNode> records, JsonNode n, String what, @Nullable JsonLocation at) {
    if (!n.isObject()) {
      throw CliException.error(
          CliErrorCode.INPUT_MALFORMED,
          what
              + ": record "
              + records.size()
              + (at == null ? "" : " (line " + at.getLineNr() + ")")
              + " is "
              + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + ", not a JSON object");
    }
    if (records.size() == MAX_RECORDS) {
      throw CliException.error(
          CliErrorCode.INPUT_MALFORMED,
          what
              + " holds more than "
              + MAX_RECORDS
              + " records, the most one batch may hold; split it");
    }
    records.add(n);
  }

  /** Names the kind of syntax error without quoting the input (Jackson's own message may quote a token). */
  private static String kind(JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.startsWith("Duplicate field")) {
      return " (a member name repeats in one object)";
    }
    if (m.startsWith("Trailing token")) {
      return " (more content after the array)";
    }
    if (m.startsWith("Unexpected end-of-input")) {
      return " (the input ends inside a value)";
    }
    return "";
  }

  private static byte[] read(Path file) {
    return CliFiles.read(file, LIMIT, "--records");
  }

  private static byte[] readStdin(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes((int) LIMIT + 1);
    } catch (IOException e) {
      throw CliException.error(
          CliErrorCode.FILE_UNREADABLE,
          "--records - (standard input): " + e.getClass().getSimpleName(),
          e);
    }
    if (bytes.length > LIMIT) {
      throw CliException.error(
          CliErrorCode.FILE_TOO_LARGE,
          "--records - (standard input) is larger than the limit of " + LIMIT + " bytes");
    }
    return bytes;
  }

  private static int skipBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF
        ? 3
        : 0;
  }

  private static int firstSignificant(byte[] b, int from) {
    for (int i = from; i < b.length; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return c;
      }
    }
    return -1;
  }
}
