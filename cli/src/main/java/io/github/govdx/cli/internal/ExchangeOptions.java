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
import java.nio.file.Path;
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

  /**
   * Builds the client of the calling party from the credentials directory.
   *
   * @return the client; the caller closes it
   */
  final ExchangeClient client() {
    Path dir = credentials;
    if (dir == null) {
      String e = env("GOVDX_CREDENTIALS");
      dir = e == null ? null : Path.of(e);
    }
    dir = required(dir, "--credentials (or GOVDX_CREDENTIALS)");
    String who = party != null ? party : env("GOVDX_PARTY");
    who = required(who, "--party (or GOVDX_PARTY)");
    Path indexFile = dir.resolve("test-parties.json");
    JsonNode index = CliFiles.readJson(ctx().mapper(), indexFile, INDEX_LIMIT, "--credentials");
    JsonNode me = null;
    for (JsonNode p : index.path("parties")) {
      if (who.equals(p.path("alias").asText()) || who.equals(p.path("partyId").asText())) {
        me = p;
      }
    }
    if (me == null) {
      throw CliException.error(
          CliErrorCode.PARTY_UNKNOWN, "no party '" + who + "' in " + indexFile);
    }
    URI base = endpoint;
    if (base == null) {
      String e = env("GOVDX_ENDPOINT");
      String fromIndex = index.path("baseUrl").asText("");
      String chosen = e != null ? e : fromIndex;
      if (chosen.isEmpty()) {
        throw CliException.error(CliErrorCode.USAGE, "missing --endpoint (or GOVDX_ENDPOINT)");
      }
      base = URI.create(chosen);
    }
    PartyId id;
    PartyCredentials keys;
    byte[] secret;
    try {
      id = PartyId.parse(me.path("partyId").asText());
      keys =
          KeyMaterial.credentials(
              KeyMaterial.privateKey(dir.resolve(me.path("privateKey").asText()), "--credentials"),
              KeyMaterial.certificates(
                  dir.resolve(me.path("certificate").asText()), "--credentials"),
              id);
      secret = Base64.getDecoder().decode(me.path("gatewaySecretBase64").asText());
    } catch (IllegalArgumentException e) {
      throw CliException.error(
          CliErrorCode.INPUT_MALFORMED, "party '" + who + "' in " + indexFile + " is malformed", e);
    }
    try {
      return ExchangeClient.builder()
          .endpoint(base)
          .party(id)
          .credentials(keys)
          .trustStore(
              KeyMaterial.trustStore(
                  dir.resolve(index.path("caCertificate").asText("test-ca.cert.pem"))))
          .authenticator(
              GovdxHmacAuthenticator.builder()
                  .keyId(me.path("gatewayKeyId").asText())
                  .secret(GatewaySecret.of(secret))
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
