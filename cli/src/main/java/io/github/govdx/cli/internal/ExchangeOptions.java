package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.auth.GatewaySecret;
import io.github.govdx.client.auth.GovdxHmacAuthenticator;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.PartyCredentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of the commands that call the exchange ({@code catalog}, {@code apply}, {@code query}, {@code push},
 * {@code outbox dispatch}): a credentials directory in the layout the standalone sandbox writes ({@code
 * test-parties.json} naming each party's key, certificate and gateway credential, and the CA certificate), the
 * calling party and the endpoint. Every option may come from the environment instead ({@code GOVDX_CREDENTIALS},
 * {@code GOVDX_PARTY}, {@code GOVDX_ENDPOINT}), so a secret-bearing path need not be typed on a shared machine.
 */
abstract class ExchangeOptions extends BaseCommand {

  private static final long INDEX_LIMIT = 1 << 20;

  @Option(
      names = "--credentials",
      paramLabel = "DIR",
      description =
          "The credentials directory (test-parties.json, keys, certificates, CA), as the sandbox writes it;"
              + " default: $GOVDX_CREDENTIALS.")
  @Nullable Path credentials;

  @Option(
      names = "--party",
      paramLabel = "ALIAS|ID",
      description =
          "The calling party: an alias or party id listed in the directory; default: $GOVDX_PARTY.")
  @Nullable String party;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description =
          "The exchange's base URL; default: $GOVDX_ENDPOINT, else the baseUrl in test-parties.json.")
  @Nullable URI endpoint;

  private static @Nullable String env(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? null : v;
  }

  private @Nullable Path directory;
  private @Nullable JsonNode index;

  /** The credentials directory: {@code --credentials}, else {@code GOVDX_CREDENTIALS}. */
  private Path directory() {
    if (directory == null) {
      Path dir = credentials;
      if (dir == null) {
        String e = env("GOVDX_CREDENTIALS");
        dir = e == null ? null : Path.of(e);
      }
      directory = required(dir, "--credentials (or GOVDX_CREDENTIALS)");
    }
    return directory;
  }

  /** The directory's {@code test-parties.json}, read once per run. */
  private JsonNode index() {
    if (index == null) {
      index =
          CliFiles.readJson(
              ctx().mapper(),
              directory().resolve("test-parties.json"),
              INDEX_LIMIT,
              "--credentials");
    }
    return index;
  }

  /** The entry of a party in the index, by alias or party id, or {@code null}. */
  private @Nullable JsonNode entry(String aliasOrId) {
    for (JsonNode p : index().path("parties")) {
      if (aliasOrId.equals(p.path("alias").asText())
          || aliasOrId.equals(p.path("partyId").asText())) {
        return p;
      }
    }
    return null;
  }

  /**
   * Resolves a party named on the command line: a party id as such, or an alias listed in the credentials
   * directory (e.g. {@code police}).
   *
   * @param aliasOrId the text given
   * @param option the option, for the message
   * @return the party id
   * @throws CliException {@code GDX-5102} (exit 2) if it is neither
   */
  final PartyId resolveParty(String aliasOrId, String option) {
    try {
      return PartyId.parse(aliasOrId);
    } catch (GovdxException notAnId) {
      JsonNode p = entry(aliasOrId);
      if (p == null) {
        throw CliException.error(
            CliErrorCode.PARTY_UNKNOWN,
            option
                + " '"
                + aliasOrId
                + "' is neither a party id nor an alias in "
                + directory().resolve("test-parties.json"));
      }
      try {
        return PartyId.parse(p.path("partyId").asText());
      } catch (GovdxException e) {
        throw CliException.inputFailure("party '" + aliasOrId + "' in --credentials", e);
      }
    }
  }

  private URI endpoint() {
    if (endpoint != null) {
      return endpoint;
    }
    String e = env("GOVDX_ENDPOINT");
    String fromIndex = index().path("baseUrl").asText("");
    String chosen = e != null ? e : fromIndex;
    if (chosen.isEmpty()) {
      throw CliException.error(CliErrorCode.USAGE, "missing --endpoint (or GOVDX_ENDPOINT)");
    }
    try {
      return new URI(chosen);
    } catch (URISyntaxException ex) {
      throw CliException.error(
          CliErrorCode.USAGE,
          (e != null ? "GOVDX_ENDPOINT" : "baseUrl in test-parties.json")
              + " is not a URL: "
              + ex.getReason());
    }
  }

  /**
   * Builds the client of the calling party from the credentials directory.
   *
   * @return the client; the caller closes it
   */
  final ExchangeClient client() {
    Path dir = directory();
    String who = party != null ? party : env("GOVDX_PARTY");
    who = required(who, "--party (or GOVDX_PARTY)");
    Path indexFile = dir.resolve("test-parties.json");
    JsonNode me = entry(who);
    if (me == null) {
      throw CliException.error(
          CliErrorCode.PARTY_UNKNOWN, "no party '" + who + "' in " + indexFile);
    }
    URI base = endpoint();
    PartyId id;
    PartyCredentials keys;
    GatewaySecret secret;
    try {
      id = PartyId.parse(me.path("partyId").asText());
      keys =
          KeyMaterial.credentials(
              KeyMaterial.privateKey(dir.resolve(me.path("privateKey").asText()), "--credentials"),
              KeyMaterial.certificates(
                  dir.resolve(me.path("certificate").asText()), "--credentials"),
              id);
      byte[] raw = Base64.getDecoder().decode(me.path("gatewaySecretBase64").asText());
      try {
        secret = GatewaySecret.of(raw);
      } finally {
        Arrays.fill(raw, (byte) 0);
      }
    } catch (IllegalArgumentException e) {
      throw CliException.error(
          CliErrorCode.INPUT_MALFORMED, "party '" + who + "' in " + indexFile + " is malformed", e);
    } catch (CliException e) {
      throw e;
    } catch (GovdxException e) {
      throw CliException.inputFailure("party '" + who + "' in " + indexFile, e);
    }
    try {
      return ExchangeClient.builder()
          .endpoint(base)
          .party(id)
          .credentials(keys)
          .trustStore(
              KeyMaterial.trustStore(
                  dir.resolve(index().path("caCertificate").asText("test-ca.cert.pem"))))
          .authenticator(
              GovdxHmacAuthenticator.builder()
                  .keyId(me.path("gatewayKeyId").asText())
                  .secret(secret)
                  .build())
          .build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw CliException.error(CliErrorCode.USAGE, String.valueOf(e.getMessage()), e);
    }
  }

  /**
   * Reports an exchange failure under its own code: a refusal that a retry cannot help exits 1, one that a
   * retry can (the exchange was unreachable, busy or failed) exits 3.
   *
   * @param e the failure
   * @return the exception to throw
   */
  static CliException exchangeFailure(ExchangeException e) {
    return CliException.exchange(e);
  }

  /**
   * Runs an exchange call, mapping its failures.
   *
   * @param call the call
   * @param <T> the result
   * @return the result
   */
  static <T> T call(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (ExchangeException e) {
      throw exchangeFailure(e);
    } catch (GovdxException e) {
      throw e;
    }
  }
}
