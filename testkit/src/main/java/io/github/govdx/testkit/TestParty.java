package io.github.govdx.testkit;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.PartyCredentials;
import java.util.Base64;
import java.util.Objects;

/**
 * A party the sandbox knows, with the test credentials it issued: SM2 party credentials from the sandbox's
 * {@link TestPki} and a govdx HMAC gateway credential (key id and secret) bound to the party.
 *
 * <p>These are test keys: never use them outside a sandbox. {@link #toString()} never shows the secret or the
 * private key. Immutable and thread-safe.
 */
public final class TestParty {

  private final String alias;
  private final PartyId partyId;
  private final String name;
  private final PartyCredentials credentials;
  private final String gatewayKeyId;
  private final byte[] gatewaySecret;

  TestParty(
      String alias,
      PartyId partyId,
      String name,
      PartyCredentials credentials,
      String gatewayKeyId,
      byte[] gatewaySecret) {
    this.alias = Objects.requireNonNull(alias, "alias == null");
    this.partyId = Objects.requireNonNull(partyId, "partyId == null");
    this.name = Objects.requireNonNull(name, "name == null");
    this.credentials = Objects.requireNonNull(credentials, "credentials == null");
    this.gatewayKeyId = Objects.requireNonNull(gatewayKeyId, "gatewayKeyId == null");
    this.gatewaySecret = gatewaySecret.clone();
  }

  /**
   * The short name tests use, e.g. {@code police}.
   *
   * @return the alias
   */
  public String alias() {
    return alias;
  }

  /**
   * The party id.
   *
   * @return the party id
   */
  public PartyId partyId() {
    return partyId;
  }

  /**
   * The display name, e.g. {@code 某市公安局}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The party's envelope credentials (private key and certificate chain issued by the test CA).
   *
   * @return the credentials
   */
  public PartyCredentials credentials() {
    return credentials;
  }

  /**
   * The key id of the party's govdx HMAC gateway credential.
   *
   * @return the key id
   */
  public String gatewayKeyId() {
    return gatewayKeyId;
  }

  /**
   * The secret of the gateway credential (a copy). A test secret: handle it like one anyway.
   *
   * @return the secret bytes
   */
  public byte[] gatewaySecretBytes() {
    return gatewaySecret.clone();
  }

  /**
   * The secret as standard Base64, the form written to the credentials directory.
   *
   * @return the Base64 text
   */
  public String gatewaySecretBase64() {
    return Base64.getEncoder().encodeToString(gatewaySecret);
  }

  /** Names the party; never its keys. */
  @Override
  public String toString() {
    return "TestParty{"
        + alias
        + ", "
        + partyId
        + ", keyId="
        + gatewayKeyId
        + ", secret=[REDACTED]}";
  }
}
