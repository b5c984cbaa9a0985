package io.github.govdx.core.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.element.DataElementCatalogue;
import io.github.govdx.core.element.RepresentationFormat;
import io.github.govdx.core.element.RepresentationFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * JSON mapping and consistency checks of {@link CatalogEntry}.
 *
 * <p>JSON: property names are the record component names ({@code classification}, {@code name},
 * {@code resourceCode} as {@code "classCode/sequence"}, coded values as their guide codes, {@code publishDate} as
 * {@code yyyy-MM-dd}); see {@code docs/validation.md} for an example. Reading refuses documents over 4 MiB or
 * nested deeper than 16, unknown properties and duplicate keys.
 *
 * <p>Thread-safe.
 */
public final class CatalogEntries {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxDocumentLength(4L * 1024 * 1024)
                .maxNestingDepth(16)
                .build());
  }

  private CatalogEntries() {}

  /**
   * Reads an entry from JSON text.
   *
   * @param json the JSON document
   * @return the entry (not yet {@link #check checked})
   * @throws GovdxException {@code GDX-1308} if the document is malformed or misses a required attribute,
   *     {@code GDX-1304}/{@code GDX-1305} for a malformed resource code or an unknown coded value
   * @throws NullPointerException if {@code json} is null
   */
  public static CatalogEntry fromJson(String json) {
    Objects.requireNonNull(json, "json == null");
    try {
      return MAPPER.readValue(json, CatalogEntry.class);
    } catch (JsonProcessingException e) {
      throw translate(e);
    }
  }

  /**
   * Reads an entry from a JSON stream (not closed).
   *
   * @param json the JSON input
   * @return the entry (not yet checked)
   * @throws GovdxException as {@link #fromJson(String)}
   * @throws UncheckedIOException if reading fails
   * @throws NullPointerException if {@code json} is null
   */
  public static CatalogEntry fromJson(InputStream json) {
    Objects.requireNonNull(json, "json == null");
    try {
      return MAPPER.readValue(json, CatalogEntry.class);
    } catch (JsonProcessingException e) {
      throw translate(e);
    } catch (java.io.CharConversionException e) {
      // bytes that are not text in the encoding Jackson detected (e.g. invalid UTF-32): bad input,
      // not an I/O failure
      throw new GovdxException(
          CoreErrorCode.CATALOG_ENTRY_MALFORMED, "not valid JSON text: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GovdxException translate(JsonProcessingException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof GovdxException) {
        GovdxException g = (GovdxException) c;
        return new GovdxException(
            g.errorCode(), g.getMessage().substring(g.code().length() + 2) + at(e), e);
      }
      if (c instanceof NullPointerException
          && c.getMessage() != null
          && c.getMessage().endsWith("== null")) {
        return new GovdxException(
            CoreErrorCode.CATALOG_ENTRY_MALFORMED,
            "missing attribute '" + c.getMessage().replace(" == null", "") + "'" + at(e),
            e);
      }
    }
    return new GovdxException(
        CoreErrorCode.CATALOG_ENTRY_MALFORMED, "not a catalog entry document" + at(e), e);
  }

  private static String at(JsonProcessingException e) {
    if (e instanceof com.fasterxml.jackson.databind.JsonMappingException) {
      String path =
          ((com.fasterxml.jackson.databind.JsonMappingException) e)
              .getPath().stream()
                  .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                  .collect(Collectors.joining("."));
      if (!path.isEmpty()) {
        return " at " + path;
      }
    }
    return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
  }

  /**
   * Writes an entry as pretty-printed JSON.
   *
   * @param entry the entry
   * @return the JSON text
   * @throws NullPointerException if {@code entry} is null
   */
  public static String toJson(CatalogEntry entry) {
    Objects.requireNonNull(entry, "entry == null");
    try {
      return MAPPER.writeValueAsString(entry);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks an entry against the rules of the 2017 catalog guide with govdx's default code tables, identifier
   * checks and data element catalogue.
   *
   * @param entry the entry
   * @return the problems found, empty if the entry is consistent
   * @throws NullPointerException if {@code entry} is null
   */
  public static List<CatalogProblem> check(CatalogEntry entry) {
    return check(
        entry,
        DefaultReferences.CODE_TABLES,
        DefaultReferences.IDENTIFIERS,
        DataElementCatalogue.defaultCatalogue());
  }

  /**
   * Checks an entry: required core metadata present ({@code GDX-1301}), conditional sharing states its
   * conditions ({@code GDX-1302}), not-shared cites a legal basis ({@code GDX-1303}), items have unique names
   * and keys ({@code GDX-1307}), their formats parse ({@code GDX-1201}) and fit the data type
   * ({@code GDX-1309}), and their code tables, identifier checks and data elements are known
   * ({@code GDX-1306}). Resource codes and coded values were already checked when the entry was built.
   *
   * @param entry the entry
   * @param codeTableKnown whether a code table id is known
   * @param identifierKnown whether an identifier check key is known
   * @param elements the data element catalogue
   * @return the problems found, empty if the entry is consistent
   * @throws NullPointerException if an argument is null
   */
  public static List<CatalogProblem> check(
      CatalogEntry entry,
      Predicate<String> codeTableKnown,
      Predicate<String> identifierKnown,
      DataElementCatalogue elements) {
    Objects.requireNonNull(entry, "entry == null");
    Objects.requireNonNull(codeTableKnown, "codeTableKnown == null");
    Objects.requireNonNull(identifierKnown, "identifierKnown == null");
    Objects.requireNonNull(elements, "elements == null");
    List<CatalogProblem> out = new ArrayList<>();
    requireText(out, entry.name(), "name", "信息资源名称");
    requireText(out, entry.classification().category(), "classification.category", "信息资源分类");
    requireText(out, entry.provider(), "provider", "信息资源提供方");
    requireText(out, entry.providerCode(), "providerCode", "信息资源提供方代码");
    requireText(out, entry.summary(), "summary", "信息资源摘要");
    if (entry.items().isEmpty()) {
      out.add(
          new CatalogProblem(
              CoreErrorCode.CATALOG_ENTRY_INCOMPLETE,
              "items",
              "a catalog entry needs at least one information item (信息项)"));
    }
    SharingAttributes s = entry.sharing();
    if (s.type() == ShareType.CONDITIONAL && s.conditions().isBlank()) {
      out.add(
          new CatalogProblem(
              CoreErrorCode.CATALOG_SHARE_CONDITIONS_MISSING,
              "sharing.conditions",
              "a conditionally shared resource (有条件共享) must state its sharing conditions (共享条件)"));
    }
    if (s.type() == ShareType.NOT_SHARED && s.legalBasis().isBlank()) {
      out.add(
          new CatalogProblem(
              CoreErrorCode.CATALOG_LEGAL_BASIS_MISSING,
              "sharing.legalBasis",
              "a resource that is not shared (不予共享) must cite the law or regulation that forbids sharing"));
    }
    if (entry.relatedCodes().contains(entry.resourceCode())) {
      out.add(
          new CatalogProblem(
              CoreErrorCode.CATALOG_ITEM_INVALID,
              "relatedCodes",
              "a resource cannot be related to itself"));
    }
    Set<String> names = new HashSet<>();
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < entry.items().size(); i++) {
      checkItem(
          out,
          entry.items().get(i),
          "items[" + i + "]",
          names,
          keys,
          codeTableKnown,
          identifierKnown,
          elements);
    }
    return List.copyOf(out);
  }

  private static void checkItem(
      List<CatalogProblem> out,
      CatalogItem item,
      String at,
      Set<String> names,
      Set<String> keys,
      Predicate<String> codeTableKnown,
      Predicate<String> identifierKnown,
      DataElementCatalogue elements) {
    if (item.name().isBlank()) {
      out.add(
          new CatalogProblem(
              CoreErrorCode.CATALOG_ENTRY_INCOMPLETE, at + ".name", "item name is empty"));
    }
    if (!names.add(item.name())) {
      out.add(
          new CatalogProblem(
              CoreErrorCode.CATALOG_ITEM_DUPLICATE,
              at + ".name",
              "duplicate item name '" + item.name() + "'"));
    }
    if (!keys.add(item.key())) {
      out.add(
          new CatalogProblem(
              CoreErrorCode.CATALOG_ITEM_DUPLICATE,
              at + ".field",
              "duplicate item key '" + item.key() + "'"));
    }
    if (!item.dataElement().isEmpty() && elements.find(item.dataElement()).isEmpty()) {
      out.add(
          new CatalogProblem(
              CoreErrorCode.CATALOG_REFERENCE_UNKNOWN,
              at + ".dataElement",
              "unknown data element '" + item.dataElement() + "'"));
    }
    if (!item.codeTable().isEmpty() && !codeTableKnown.test(item.codeTable())) {
      out.add(
          new CatalogProblem(
              CoreErrorCode.CATALOG_REFERENCE_UNKNOWN,
              at + ".codeTable",
              "unknown code table '" + item.codeTable() + "'"));
    }
    if (item.codeTable().isEmpty() && !item.codeTableEdition().isEmpty()) {
      out.add(
          new CatalogProblem(
              CoreErrorCode.CATALOG_ITEM_INVALID,
              at + ".codeTableEdition",
              "an edition without a code table"));
    }
    if (!item.identifier().isEmpty() && !identifierKnown.test(item.identifier())) {
      out.add(
          new CatalogProblem(
              CoreErrorCode.CATALOG_REFERENCE_UNKNOWN,
              at + ".identifier",
              "unknown identifier check '" + item.identifier() + "'"));
    }
    if (!item.format().isEmpty()) {
      try {
        RepresentationFormat f = RepresentationFormat.parse(item.format());
        boolean dateType =
            item.dataType() == ItemDataType.DATE || item.dataType() == ItemDataType.DATETIME;
        if (dateType != f.isDateTime()
            || (item.dataType() == ItemDataType.DATE && f.hasTime())
            || (item.dataType() == ItemDataType.DATETIME && !f.hasTime())) {
          out.add(
              new CatalogProblem(
                  CoreErrorCode.CATALOG_ITEM_INVALID,
                  at + ".format",
                  "format '"
                      + f
                      + "' does not fit data type "
                      + item.dataType().code()
                      + " ("
                      + item.dataType().nameZh()
                      + ")"));
        }
      } catch (RepresentationFormatException e) {
        out.add(
            new CatalogProblem(
                CoreErrorCode.REPRESENTATION_FORMAT_MALFORMED,
                at + ".format",
                e.getMessage().substring(e.code().length() + 2)));
      }
    }
  }

  private static void requireText(List<CatalogProblem> out, String value, String field, String zh) {
    if (value.isBlank()) {
      out.add(
          new CatalogProblem(
              CoreErrorCode.CATALOG_ENTRY_INCOMPLETE,
              field,
              "core metadata " + zh + " (" + field + ") is required"));
    }
  }

  /**
   * Checks an entry with {@link #check(CatalogEntry)} and throws on the first problem.
   *
   * @param entry the entry
   * @return the same entry
   * @throws GovdxException with the first problem's code, listing every problem
   * @throws NullPointerException if {@code entry} is null
   */
  public static CatalogEntry requireValid(CatalogEntry entry) {
    List<CatalogProblem> problems = check(entry);
    if (!problems.isEmpty()) {
      throw new GovdxException(
          problems.get(0).code(),
          "catalog entry "
              + entry.resourceCode()
              + " has "
              + problems.size()
              + " problem(s): "
              + problems.stream().map(CatalogProblem::toString).collect(Collectors.joining("; ")));
    }
    return entry;
  }
}
