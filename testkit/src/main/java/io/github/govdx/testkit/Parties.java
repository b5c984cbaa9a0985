package io.github.govdx.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.PartyDirectory;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.testkit.internal.Json;
import io.github.govdx.testkit.internal.Keyring;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** The sandbox's parties: credentials issued by the test CA, gateway keys, the directory. Thread-safe. */
final class Parties {

  private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  private final TestPki pki;
  private final boolean dual;
  private final Keyring keyring;
  private final SecureRandom random = new SecureRandom();
  private final List<TestParty> ordered = new CopyOnWriteArrayList<>();
  private final Map<String, TestParty> byAlias = new ConcurrentHashMap<>();
  private final Map<PartyId, TestParty> byId = new ConcurrentHashMap<>();
  private final Map<String, TestParty> byKeyId = new ConcurrentHashMap<>();
  private final Map<PartyId, String> names = new ConcurrentHashMap<>();
  private final PartyDirectory directory = this::certificates;

  Parties(TestPki pki, boolean dual) {
    this(pki, dual, Keyring.LOCAL);
  }

  /** Parties whose credentials and gateway secrets are kept in a keyring (shared by a clustered sandbox). */
  Parties(TestPki pki, boolean dual, Keyring keyring) {
    this.pki = pki;
    this.dual = dual;
    this.keyring = keyring;
  }

  synchronized TestParty add(String alias, PartyId id, String name) {
    if (!ALIAS.matcher(alias).matches()) {
      throw new IllegalArgumentException("alias must be 1-32 of [a-z0-9_-]: " + alias);
    }
    if (byAlias.containsKey(alias) || byId.containsKey(id)) {
      throw new IllegalArgumentException("party already known: " + alias + " / " + id);
    }
    TestParty p;
    if (keyring == Keyring.LOCAL) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      p =
          new TestParty(
              alias,
              id,
              name,
              dual ? pki.issueDual(id, Suite.GM) : pki.issue(id),
              "gdx-test-" + alias,
              secret);
    } else {
      String stored =
          keyring.getOrCreate(
              "party:" + alias,
              () -> {
                byte[] secret = new byte[32];
                random.nextBytes(secret);
                return Json.write(
                    pki.issueStored(id, dual)
                        .withGatewaySecret(Base64.getEncoder().encodeToString(secret)));
              });
      TestPki.StoredParty o = Json.stored(stored, TestPki.StoredParty.class);
      if (!id.toString().equals(o.partyId())) {
        throw new IllegalArgumentException(
            "the shared state has party "
                + alias
                + " as "
                + o.partyId()
                + ", not "
                + id
                + ": every instance must use the same seed");
      }
      p =
          new TestParty(
              alias,
              id,
              name,
              o.credentials(),
              "gdx-test-" + alias,
              Base64.getDecoder()
                  .decode(Objects.requireNonNull(o.gatewaySecret(), "gatewaySecret")));
    }
    ordered.add(p);
    byAlias.put(alias, p);
    byId.put(id, p);
    byKeyId.put(p.gatewayKeyId(), p);
    names.put(id, name);
    return p;
  }

  List<TestParty> all() {
    return new ArrayList<>(ordered);
  }

  List<String> aliases() {
    return ordered.stream().map(TestParty::alias).toList();
  }

  Optional<TestParty> find(String aliasOrId) {
    TestParty p = byAlias.get(aliasOrId);
    if (p == null && PartyId.isValid(aliasOrId)) {
      p = byId.get(PartyId.parse(aliasOrId));
    }
    return Optional.ofNullable(p);
  }

  Optional<TestParty> byId(PartyId id) {
    return Optional.ofNullable(byId.get(id));
  }

  Optional<TestParty> byKeyId(String keyId) {
    return Optional.ofNullable(byKeyId.get(keyId));
  }

  PartyDirectory directory() {
    return directory;
  }

  private List<X509Certificate> certificates(PartyId id) {
    TestParty p = byId.get(id);
    if (p == null) {
      return List.of();
    }
    List<X509Certificate> out = new ArrayList<>();
    out.add(p.credentials().certificate());
    p.credentials().encryptionCertificate().ifPresent(out::add);
    return out;
  }

  Optional<ObjectNode> directoryJson(PartyId id) {
    TestParty p = byId.get(id);
    if (p == null) {
      return Optional.empty();
    }
    ObjectNode o = Json.object();
    o.put("partyId", id.toString());
    o.put("name", p.name());
    ArrayNode certs = o.putArray("certificates");
    for (X509Certificate c : certificates(id)) {
      ObjectNode e = certs.addObject();
      e.put("keyId", Certificates.keyId(c));
      e.put("suite", Certificates.suiteOf(c).map(Enum::name).orElse("GM"));
      e.put("notBefore", Json.instant(c.getNotBefore().toInstant()));
      e.put("notAfter", Json.instant(c.getNotAfter().toInstant()));
      e.put("pem", Pem.write(c));
    }
    return Optional.of(o);
  }
}
