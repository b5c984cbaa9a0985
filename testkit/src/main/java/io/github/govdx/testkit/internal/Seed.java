package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.testkit.TestkitErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Seed data: parties ({@code parties.json}), catalog entries ({@code catalog.json}) and datasets
 * ({@code datasets/*.json}, each {@code {"resourceCode", "records"}}), read from a directory or from the built-in
 * seed on the classpath. Files over 64 MiB are refused before parsing. Immutable.
 *
 * @param parties the parties
 * @param catalog the checked catalog entries
 * @param datasets resource code to records
 */
public record Seed(
    List<SeedParty> parties, List<ObjectNode> catalog, Map<String, ArrayNode> datasets) {

  private static final long MAX_FILE = 64L * 1024 * 1024;
  private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
  private static final String BUILTIN = "/io/github/govdx/testkit/seed/";
  private static final List<String> BUILTIN_DATASETS = List.of("335001001-00012.json");

  /**
   * A seeded party.
   *
   * @param alias the short name tests use
   * @param partyId the party id
   * @param name the display name
   */
  public record SeedParty(String alias, PartyId partyId, String name) {}

  /**
   * Copies the members.
   *
   * @param parties the parties
   * @param catalog the entries
   * @param datasets the datasets
   */
  public Seed {
    parties = List.copyOf(parties);
    catalog = List.copyOf(catalog);
    datasets = Map.copyOf(datasets);
  }

  /**
   * The built-in seed: four departments of a fictional city, four resources and synthetic people.
   *
   * @return the seed
   */
  public static Seed builtin() {
    JsonNode parties = resource("parties.json");
    JsonNode catalog = resource("catalog.json");
    List<JsonNode> sets = new ArrayList<>();
    for (String d : BUILTIN_DATASETS) {
      sets.add(resource("datasets/" + d));
    }
    return of(parties, catalog, sets);
  }

  /**
   * Reads a seed directory. {@code parties.json} and {@code catalog.json} are required; {@code datasets/} is
   * optional.
   *
   * @param dir the directory
   * @return the seed
   * @throws GovdxException {@code GDX-4002} if a file cannot be read, {@code GDX-4001} if it is invalid
   */
  public static Seed read(Path dir) {
    JsonNode parties = file(dir.resolve("parties.json"));
    JsonNode catalog = file(dir.resolve("catalog.json"));
    List<JsonNode> sets = new ArrayList<>();
    Path ds = dir.resolve("datasets");
    if (Files.isDirectory(ds)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(ds, "*.json")) {
        List<Path> sorted = new ArrayList<>();
        files.forEach(sorted::add);
        sorted.sort(null);
        for (Path f : sorted) {
          sets.add(file(f));
        }
      } catch (IOException e) {
        throw new GovdxException(TestkitErrorCode.SEED_UNREADABLE, "cannot list " + ds, e);
      }
    }
    return of(parties, catalog, sets);
  }

  private static Seed of(JsonNode partiesDoc, JsonNode catalogDoc, List<JsonNode> sets) {
    List<SeedParty> parties = new ArrayList<>();
    JsonNode pa = partiesDoc.get("parties");
    if (pa == null || !pa.isArray()) {
      throw invalid("parties.json needs a \"parties\" array");
    }
    for (JsonNode p : pa) {
      String alias = p.path("alias").asText("");
      String id = p.path("partyId").asText("");
      if (!ALIAS.matcher(alias).matches()) {
        throw invalid("party alias must be 1-32 of [a-z0-9_-]: '" + alias + "'");
      }
      if (!PartyId.isValid(id)) {
        throw invalid("party " + alias + " has an invalid partyId");
      }
      if (parties.stream()
          .anyMatch(x -> x.alias().equals(alias) || x.partyId().toString().equals(id))) {
        throw invalid("party " + alias + " is listed twice");
      }
      parties.add(new SeedParty(alias, PartyId.parse(id), p.path("name").asText(alias)));
    }
    List<ObjectNode> catalog = new ArrayList<>();
    JsonNode ca = catalogDoc.get("resources");
    if (ca == null || !ca.isArray()) {
      throw invalid("catalog.json needs a \"resources\" array");
    }
    for (JsonNode e : ca) {
      catalog.add(CatalogStore.check(e));
    }
    Map<String, ArrayNode> datasets = new LinkedHashMap<>();
    for (JsonNode s : sets) {
      String code = s.path("resourceCode").asText("");
      JsonNode recs = s.get("records");
      if (catalog.stream().noneMatch(c -> c.get("resourceCode").asText().equals(code))) {
        throw invalid("dataset for " + code + " has no catalog entry");
      }
      if (recs == null || !recs.isArray()) {
        throw invalid("dataset for " + code + " needs a \"records\" array");
      }
      datasets.put(code, (ArrayNode) recs);
    }
    return new Seed(parties, catalog, datasets);
  }

  private static JsonNode resource(String name) {
    try (InputStream in = Seed.class.getResourceAsStream(BUILTIN + name)) {
      if (in == null) {
        throw new GovdxException(
            TestkitErrorCode.SEED_UNREADABLE, "built-in seed file " + name + " is missing");
      }
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new GovdxException(
          TestkitErrorCode.SEED_INVALID, "built-in seed file " + name + " is not JSON", e);
    }
  }

  private static JsonNode file(Path f) {
    try {
      if (!Files.isRegularFile(f)) {
        throw new GovdxException(
            TestkitErrorCode.SEED_UNREADABLE, "seed file " + f + " is missing");
      }
      if (Files.size(f) > MAX_FILE) {
        throw invalid("seed file " + f + " is over " + MAX_FILE + " bytes");
      }
      JsonNode n;
      try (InputStream in = Files.newInputStream(f)) {
        n = Json.MAPPER.readTree(in);
      }
      if (n == null || !n.isObject()) {
        throw invalid("seed file " + f + " must hold a JSON object");
      }
      return n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new GovdxException(
          TestkitErrorCode.SEED_INVALID,
          "seed file "
              + f
              + " is not valid JSON at line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()),
          null);
    } catch (IOException e) {
      throw new GovdxException(TestkitErrorCode.SEED_UNREADABLE, "cannot read seed file " + f, e);
    }
  }

  private static GovdxException invalid(String detail) {
    return new GovdxException(TestkitErrorCode.SEED_INVALID, detail);
  }

  /**
   * Writes the built-in seed into a directory (so a team can start from it).
   *
   * @param dir the target directory
   * @return the directory
   * @throws GovdxException {@code GDX-4102} if it cannot be written
   */
  public static Path exportBuiltin(Path dir) {
    try {
      Files.createDirectories(dir.resolve("datasets"));
      copy("parties.json", dir);
      copy("catalog.json", dir);
      for (String d : BUILTIN_DATASETS) {
        copy("datasets/" + d, dir);
      }
      return dir;
    } catch (IOException e) {
      throw new GovdxException(
          TestkitErrorCode.CREDENTIALS_WRITE_FAILED, "cannot write the seed to " + dir, e);
    }
  }

  private static void copy(String name, Path dir) throws IOException {
    try (InputStream in = Seed.class.getResourceAsStream(BUILTIN + name)) {
      if (in == null) {
        throw new IOException("missing " + name);
      }
      Files.copy(in, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * The party with an alias.
   *
   * @param alias the alias
   * @return the party, or null
   */
  public @Nullable SeedParty party(String alias) {
    return parties.stream().filter(p -> p.alias().equals(alias)).findFirst().orElse(null);
  }
}
