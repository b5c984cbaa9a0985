package io.github.govdx.core.codes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads code tables in the govdx CSV or JSON format (described in {@code docs/code-tables.md}), e.g. to load a
 * newer GB/T 2260 edition at runtime and add it with {@link CodeTableRegistry.Builder#addTable(CodeTable)}.
 *
 * <p>CSV: UTF-8, optional metadata lines {@code # key: value} before the header (keys {@code id},
 * {@code edition}, {@code name-zh} required; {@code name-en}, {@code source}, {@code licence} optional), then a
 * header row whose columns are {@code code}, {@code name_zh}, optionally {@code name_en} and {@code parent},
 * and any further columns, which become {@linkplain CodeEntry#attributes() attributes}. Fields may be quoted
 * with {@code "} ({@code ""} inside quotes is one quote); a field cannot span lines.
 *
 * <p>JSON: one object {@code {"id","edition","nameZh","nameEn","source","licence","entries":[{"code",
 * "nameZh","nameEn","parent","attributes":{}}]}}.
 *
 * <p>Files larger than {@link #MAX_BYTES} are refused before parsing ({@code GDX-1003}). Any malformed content
 * raises {@link GovdxException} {@code GDX-1001} whose message names the file, the line and the reason, e.g.
 * {@code "GDX-1001: regions.csv line 7: duplicate code 110105 (first on line 5)"}. Stateless and thread-safe.
 */
public final class CodeTableReader {

  /** The largest file the reader accepts: 16 MiB. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  /** The JSON reader, made on first use: a CSV table (the built-in ones) never loads Jackson databind. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonFactory FACTORY = MAPPER.getFactory();
  }

  /**
   * Jackson's streaming CSV parser (jackson-core level: reading a CSV table never initialises databind), one
   * array of fields per row, spaces around unquoted values trimmed.
   */
  private static final CsvFactory CSV =
      CsvFactory.builder()
          .enable(CsvParser.Feature.WRAP_AS_ARRAY)
          .enable(CsvParser.Feature.TRIM_SPACES)
          .build();

  private CodeTableReader() {}

  /**
   * Reads a table file, choosing the format by extension ({@code .json} is JSON, anything else CSV).
   *
   * @param file the file
   * @return the table
   * @throws GovdxException {@code GDX-1001} if malformed, {@code GDX-1003} if too large, {@code GDX-1004} if
   *     unreadable
   * @throws NullPointerException if {@code file} is null
   */
  public static CodeTable read(Path file) {
    Objects.requireNonNull(file, "file == null");
    String name = String.valueOf(file.getFileName());
    try (InputStream in = Files.newInputStream(file)) {
      return name.toLowerCase(Locale.ROOT).endsWith(".json")
          ? readJson(in, name)
          : readCsv(in, name);
    } catch (IOException e) {
      throw new GovdxException(
          CoreErrorCode.CODE_TABLE_UNREADABLE, name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a table in the govdx CSV format. The stream is read to its end but not closed.
   *
   * @param in the UTF-8 bytes
   * @param fileName the name to use in error messages
   * @return the table
   * @throws GovdxException {@code GDX-1001} if malformed, {@code GDX-1003} if too large, {@code GDX-1004} if
   *     unreadable
   * @throws NullPointerException if an argument is null
   */
  public static CodeTable readCsv(InputStream in, String fileName) {
    Objects.requireNonNull(fileName, "fileName == null");
    List<String> lines = lines(bytes(in, fileName), fileName);
    Map<String, String> meta = new HashMap<>();
    int n = 0;
    List<String> header = null;
    int headerLine = 0;
    while (n < lines.size()) {
      String line = lines.get(n++);
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          throw malformed(fileName, n, "metadata line must be '# key: value'");
        }
        String key = line.substring(1, colon).strip().toLowerCase(Locale.ROOT);
        if (meta.putIfAbsent(key, line.substring(colon + 1).strip()) != null) {
          throw malformed(fileName, n, "metadata key '" + key + "' repeated");
        }
        continue;
      }
      header = fields(line, fileName, n);
      headerLine = n;
      break;
    }
    if (header == null) {
      throw malformed(fileName, Math.max(1, n), "no header row");
    }
    String format = meta.get("govdx-code-table");
    if (format != null && !format.equals("1")) {
      throw malformed(fileName, 1, "unsupported format version " + format);
    }
    CodeTable.Builder table =
        startTable(
            fileName,
            headerLine,
            meta.get("id"),
            meta.get("edition"),
            meta.get("name-zh"),
            meta.get("name-en"),
            meta.get("source"),
            meta.get("licence"));
    if (header.size() < 2 || !header.get(0).equals("code") || !header.get(1).equals("name_zh")) {
      throw malformed(fileName, headerLine, "header must start with code,name_zh");
    }
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).isEmpty()) {
        throw malformed(fileName, headerLine, "empty column name in column " + (i + 1));
      }
      if (header.indexOf(header.get(i)) != i) {
        throw malformed(fileName, headerLine, "column '" + header.get(i) + "' repeated");
      }
    }
    int enCol = header.indexOf("name_en");
    int parentCol = header.indexOf("parent");
    Map<String, Integer> lineOf = new HashMap<>();
    Map<String, Integer> parentLine = new LinkedHashMap<>();
    Map<String, String> parentOf = new LinkedHashMap<>();
    while (n < lines.size()) {
      String line = lines.get(n++);
      if (line.isBlank()) {
        continue;
      }
      List<String> f = fields(line, fileName, n);
      if (f.size() != header.size()) {
        throw malformed(fileName, n, "expected " + header.size() + " fields, found " + f.size());
      }
      Map<String, String> attrs = new LinkedHashMap<>();
      for (int i = 2; i < f.size(); i++) {
        if (i != enCol && i != parentCol) {
          attrs.put(header.get(i), f.get(i));
        }
      }
      String parent = parentCol < 0 ? null : f.get(parentCol);
      addEntry(
          table,
          fileName,
          n,
          f.get(0),
          f.get(1),
          enCol < 0 ? null : f.get(enCol),
          parent,
          attrs,
          lineOf);
      if (parent != null && !parent.isEmpty()) {
        parentOf.put(f.get(0), parent);
        parentLine.put(f.get(0), n);
      }
    }
    return finish(table, fileName, parentOf, parentLine);
  }

  /**
   * Reads a table in the govdx JSON format. The stream is read to its end but not closed.
   *
   * @param in the UTF-8 bytes
   * @param fileName the name to use in error messages
   * @return the table
   * @throws GovdxException {@code GDX-1001} if malformed, {@code GDX-1003} if too large, {@code GDX-1004} if
   *     unreadable
   * @throws NullPointerException if an argument is null
   */
  public static CodeTable readJson(InputStream in, String fileName) {
    Objects.requireNonNull(fileName, "fileName == null");
    byte[] data = bytes(in, fileName);
    Map<String, String> meta = new HashMap<>();
    List<JsonNode> entries = new ArrayList<>();
    List<Integer> entryLines = new ArrayList<>();
    try (JsonParser p = Json.FACTORY.createParser(data)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw malformed(fileName, line(p), "top level must be a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if ("entries".equals(field)) {
          if (t != JsonToken.START_ARRAY) {
            throw malformed(fileName, line(p), "'entries' must be an array");
          }
          while (p.nextToken() != JsonToken.END_ARRAY) {
            entryLines.add(line(p));
            entries.add(Json.MAPPER.readTree(p));
          }
        } else if (t == JsonToken.VALUE_STRING) {
          if (meta.put(field, p.getText()) != null) {
            throw malformed(fileName, line(p), "field '" + field + "' repeated");
          }
        } else {
          throw malformed(fileName, line(p), "field '" + field + "' must be a string");
        }
      }
      if (p.nextToken() != null) {
        throw malformed(fileName, line(p), "content after the top-level object");
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw malformed(fileName, line, "invalid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new GovdxException(
          CoreErrorCode.CODE_TABLE_UNREADABLE, fileName + ": " + e.getMessage(), e);
    }
    CodeTable.Builder table =
        startTable(
            fileName,
            1,
            meta.get("id"),
            meta.get("edition"),
            meta.get("nameZh"),
            meta.get("nameEn"),
            meta.get("source"),
            meta.get("licence"));
    Map<String, Integer> lineOf = new HashMap<>();
    Map<String, Integer> parentLine = new LinkedHashMap<>();
    Map<String, String> parentOf = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode e = entries.get(i);
      int line = entryLines.get(i);
      if (!e.isObject()) {
        throw malformed(fileName, line, "entry must be an object");
      }
      String code = text(e, "code", fileName, line);
      String nameZh = text(e, "nameZh", fileName, line);
      String nameEn = text(e, "nameEn", fileName, line);
      String parent = text(e, "parent", fileName, line);
      Map<String, String> attrs = new LinkedHashMap<>();
      JsonNode a = e.get("attributes");
      if (a != null && !a.isNull()) {
        if (!a.isObject()) {
          throw malformed(fileName, line, "'attributes' must be an object of strings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> kv = it.next();
          if (!kv.getValue().isTextual()) {
            throw malformed(fileName, line, "attribute '" + kv.getKey() + "' must be a string");
          }
          attrs.put(kv.getKey(), kv.getValue().textValue().strip());
        }
      }
      addEntry(
          table,
          fileName,
          line,
          code == null ? "" : code,
          nameZh == null ? "" : nameZh,
          nameEn,
          parent,
          attrs,
          lineOf);
      if (parent != null && !parent.isEmpty()) {
        parentOf.put(code, parent);
        parentLine.put(code, line);
      }
    }
    return finish(table, fileName, parentOf, parentLine);
  }

  private static @Nullable String text(JsonNode e, String field, String fileName, int line) {
    JsonNode v = e.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw malformed(fileName, line, "'" + field + "' must be a string");
    }
    return v.textValue().strip();
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  private static CodeTable.Builder startTable(
      String fileName,
      int line,
      @Nullable String id,
      @Nullable String edition,
      @Nullable String nameZh,
      @Nullable String nameEn,
      @Nullable String source,
      @Nullable String licence) {
    if (id == null || id.isBlank()) {
      throw malformed(fileName, line, "table id missing");
    }
    if (edition == null || edition.isBlank()) {
      throw malformed(fileName, line, "edition missing");
    }
    if (nameZh == null || nameZh.isBlank()) {
      throw malformed(fileName, line, "Chinese table name (name-zh / nameZh) missing");
    }
    return CodeTable.builder(id.strip(), edition.strip())
        .nameZh(nameZh.strip())
        .nameEn(nameEn)
        .source(source == null ? "" : source)
        .licence(licence);
  }

  private static void addEntry(
      CodeTable.Builder table,
      String fileName,
      int line,
      String code,
      String nameZh,
      @Nullable String nameEn,
      @Nullable String parent,
      Map<String, String> attrs,
      Map<String, Integer> lineOf) {
    if (code.isEmpty()) {
      throw malformed(fileName, line, "empty code");
    }
    if (nameZh.isEmpty()) {
      throw malformed(fileName, line, "empty name_zh for code " + code);
    }
    Integer first = lineOf.putIfAbsent(code, line);
    if (first != null) {
      throw malformed(fileName, line, "duplicate code " + code + " (first on line " + first + ")");
    }
    if (code.equals(parent)) {
      throw malformed(fileName, line, "code " + code + " is its own parent");
    }
    table.add(CodeEntry.of(code, nameZh, nameEn, parent, attrs));
  }

  private static CodeTable finish(
      CodeTable.Builder table,
      String fileName,
      Map<String, String> parentOf,
      Map<String, Integer> parentLine) {
    for (Map.Entry<String, String> e : parentOf.entrySet()) {
      if (!table.has(e.getValue())) {
        throw malformed(
            fileName,
            parentLine.get(e.getKey()),
            "parent " + e.getValue() + " of code " + e.getKey() + " is not in the table");
      }
    }
    // Cycles: walk up from each entry; a path longer than the table size is a cycle.
    for (String start : parentOf.keySet()) {
      String at = start;
      int steps = 0;
      while ((at = parentOf.get(at)) != null) {
        if (++steps > parentOf.size()) {
          throw malformed(
              fileName, parentLine.get(start), "parent chain of code " + start + " is a cycle");
        }
      }
    }
    return table.build();
  }

  /** Splits small plain CSV (e.g. the built-in index) into rows of fields; no metadata handling. */
  static List<List<String>> readPlainCsv(InputStream in, String fileName) {
    List<List<String>> rows = new ArrayList<>();
    List<String> lines = lines(bytes(in, fileName), fileName);
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        rows.add(fields(lines.get(i), fileName, i + 1));
      }
    }
    return rows;
  }

  private static byte[] bytes(InputStream in, String fileName) {
    Objects.requireNonNull(in, "in == null");
    try {
      byte[] data = in.readNBytes(MAX_BYTES + 1);
      if (data.length > MAX_BYTES) {
        throw new GovdxException(
            CoreErrorCode.CODE_TABLE_TOO_LARGE,
            fileName + ": larger than " + MAX_BYTES + " bytes, not parsed");
      }
      return data;
    } catch (IOException e) {
      throw new GovdxException(
          CoreErrorCode.CODE_TABLE_UNREADABLE, fileName + ": " + e.getMessage(), e);
    }
  }

  /** Decodes strict UTF-8 line by line so that a bad byte is reported with its line. */
  private static List<String> lines(byte[] data, String fileName) {
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<String> out = new ArrayList<>();
    int start =
        data.length >= 3
                && (data[0] & 0xff) == 0xEF
                && (data[1] & 0xff) == 0xBB
                && (data[2] & 0xff) == 0xBF
            ? 3
            : 0;
    int lineNo = 1;
    for (int i = start; i <= data.length; i++) {
      if (i == data.length || data[i] == '\n') {
        int end = i > start && data[i - 1] == '\r' ? i - 1 : i;
        try {
          out.add(dec.decode(ByteBuffer.wrap(data, start, end - start)).toString());
        } catch (CharacterCodingException e) {
          throw malformed(fileName, lineNo, "not valid UTF-8");
        }
        start = i + 1;
        lineNo++;
      }
    }
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /**
   * Splits one CSV line (RFC 4180 quoting, no multi-line fields) with Jackson's streaming CSV parser; fields
   * are stripped.
   */
  private static List<String> fields(String line, String fileName, int lineNo) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = CSV.createParser(line)) {
      p.nextToken(); // the document's array
      p.nextToken(); // the row's array
      while (p.nextToken() == JsonToken.VALUE_STRING) {
        String v = p.getText();
        if (v.indexOf('"') >= 0
            && line.charAt((int) p.currentTokenLocation().getCharOffset()) != '"') {
          throw malformed(
              fileName, lineNo, "quote inside unquoted field in column " + (out.size() + 1));
        }
        out.add(v.strip());
      }
    } catch (IOException e) {
      throw malformed(
          fileName,
          lineNo,
          (String.valueOf(e.getMessage()).startsWith("Missing closing quote")
                  ? "unterminated quoted field in column "
                  : "text after closing quote in column ")
              + (out.size() + 1));
    }
    return out;
  }

  private static GovdxException malformed(String fileName, int line, String reason) {
    return new GovdxException(
        CoreErrorCode.CODE_TABLE_MALFORMED, fileName + " line " + line + ": " + reason);
  }
}
