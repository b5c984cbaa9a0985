package io.github.govdx.core.element;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.govdx.core.CoreErrorCode;
import io.github.govdx.core.GovdxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalogue of data elements (数据元目录), looked up by internal identifier.
 *
 * <p>{@link #defaultCatalogue()} is the catalogue shipped with govdx: the common elements of persons and
 * organisations (citizen ID number, name, sex, ethnicity, birth date, address, division code, USCC,
 * organisation name, phones, e-mail, document type and number, postal code, nationality, amount and
 * date-times), each with its provenance ({@link DataElement#source()}). Load your own with
 * {@link #load(InputStream)}; the format is the JSON of
 * {@code io/github/govdx/core/element/common-data-elements.json} (documented in {@code docs/validation.md}).
 *
 * <p>Immutable and thread-safe.
 */
public final class DataElementCatalogue {

  private static final String RESOURCE = "common-data-elements.json";
  private static final int MAX_BYTES = 8 * 1024 * 1024;

  private final String name;
  private final String version;
  private final String provenance;
  private final Map<String, DataElement> elements;

  private DataElementCatalogue(
      String name, String version, String provenance, Map<String, DataElement> elements) {
    this.name = name;
    this.version = version;
    this.provenance = provenance;
    this.elements = elements;
  }

  private static final class Holder {
    static final DataElementCatalogue DEFAULT = loadDefault();

    private static DataElementCatalogue loadDefault() {
      try (InputStream in = DataElementCatalogue.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new GovdxException(
              CoreErrorCode.DATA_ELEMENT_CATALOGUE_MALFORMED, "resource " + RESOURCE + " missing");
        }
        return load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The data element catalogue shipped with govdx.
   *
   * @return the shared default catalogue
   */
  public static DataElementCatalogue defaultCatalogue() {
    return Holder.DEFAULT;
  }

  /**
   * Reads a catalogue from JSON ({@code {"catalogue","version","provenance","elements":[...]}}).
   * The stream is read up to 8 MiB and not closed.
   *
   * @param json the JSON document
   * @return the catalogue
   * @throws GovdxException {@code GDX-1204} if the document is malformed, {@code GDX-1201}/{@code GDX-1202}
   *     if an element is invalid
   * @throws NullPointerException if {@code json} is null
   */
  public static DataElementCatalogue load(InputStream json) {
    Objects.requireNonNull(json, "json == null");
    ObjectMapper mapper =
        JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxDocumentLength(MAX_BYTES)
                .maxNestingDepth(16)
                .build());
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (IOException e) {
      throw new GovdxException(
          CoreErrorCode.DATA_ELEMENT_CATALOGUE_MALFORMED, "not a readable JSON catalogue", e);
    }
    if (root == null || !root.path("elements").isArray()) {
      throw new GovdxException(
          CoreErrorCode.DATA_ELEMENT_CATALOGUE_MALFORMED, "missing 'elements' array");
    }
    Map<String, DataElement> map = new LinkedHashMap<>();
    for (JsonNode e : root.get("elements")) {
      DataElement element;
      try {
        DataElement.Builder b =
            DataElement.builder()
                .id(text(e, "id"))
                .nameZh(text(e, "nameZh"))
                .dataType(DataType.parse(text(e, "dataType")))
                .format(text(e, "format"));
        optional(e, "identifier").ifPresent(b::identifier);
        optional(e, "nameEn").ifPresent(b::nameEn);
        optional(e, "definition").ifPresent(b::definition);
        optional(e, "codeTable").ifPresent(b::codeTable);
        optional(e, "codeTableEdition").ifPresent(b::codeTableEdition);
        optional(e, "identifierCheck").ifPresent(b::identifierCheck);
        optional(e, "version").ifPresent(b::version);
        optional(e, "source").ifPresent(b::source);
        element = b.build();
      } catch (IllegalStateException ex) {
        throw new GovdxException(
            CoreErrorCode.DATA_ELEMENT_CATALOGUE_MALFORMED, ex.getMessage(), ex);
      }
      if (map.put(element.id(), element) != null) {
        throw new GovdxException(
            CoreErrorCode.DATA_ELEMENT_CATALOGUE_MALFORMED, "duplicate element id " + element.id());
      }
    }
    return new DataElementCatalogue(
        root.path("catalogue").asText(""),
        root.path("version").asText(""),
        root.path("provenance").asText(""),
        Collections.unmodifiableMap(map));
  }

  private static String text(JsonNode e, String field) {
    JsonNode v = e.get(field);
    if (v == null || !v.isTextual()) {
      throw new GovdxException(
          CoreErrorCode.DATA_ELEMENT_CATALOGUE_MALFORMED, "element without text '" + field + "'");
    }
    return v.textValue();
  }

  private static Optional<String> optional(JsonNode e, String field) {
    JsonNode v = e.get(field);
    return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
  }

  /**
   * Finds an element by internal identifier.
   *
   * @param id e.g. {@code citizen_id_number}
   * @return the element, or empty
   * @throws NullPointerException if {@code id} is null
   */
  public Optional<DataElement> find(String id) {
    return Optional.ofNullable(elements.get(Objects.requireNonNull(id, "id == null")));
  }

  /**
   * Gets an element by internal identifier.
   *
   * @param id e.g. {@code citizen_id_number}
   * @return the element
   * @throws GovdxException {@code GDX-1203} if there is no such element
   * @throws NullPointerException if {@code id} is null
   */
  public DataElement get(String id) {
    return find(id)
        .orElseThrow(
            () ->
                new GovdxException(
                    CoreErrorCode.DATA_ELEMENT_UNKNOWN, "no data element '" + id + "' in " + name));
  }

  /**
   * All elements, in file order.
   *
   * @return an unmodifiable list
   */
  public List<DataElement> elements() {
    return Collections.unmodifiableList(new ArrayList<>(elements.values()));
  }

  /**
   * The catalogue name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The catalogue version.
   *
   * @return the version
   */
  public String version() {
    return version;
  }

  /**
   * Where the catalogue's definitions come from.
   *
   * @return the provenance text
   */
  public String provenance() {
    return provenance;
  }

  @Override
  public String toString() {
    return "DataElementCatalogue{" + name + " " + version + ", " + elements.size() + " elements}";
  }
}
