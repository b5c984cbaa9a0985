package io.github.govdx.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.crypto.key.Pkcs12;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.TestParty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One in-process exchange sandbox for the test JVM, with its test credentials written as the standalone sandbox
 * writes them ({@code test-<alias>.key.pem}, {@code .cert.pem}, {@code test-ca.cert.pem}) and a PKCS#12 file of
 * the bigdata party.
 */
final class TestSandbox {

  static final String DEMANDS = "335002001/00003";
  static final String PKCS12_PASSWORD = "test-only-password";

  private static ExchangeSandbox sandbox;
  private static Path keys;

  private TestSandbox() {}

  static synchronized ExchangeSandbox get() {
    if (sandbox == null) {
      sandbox = ExchangeSandbox.builder().start();
      try {
        keys = Files.createTempDirectory("govdx-spring-keys");
        sandbox.writeCredentials(keys);
        Files.write(
            keys.resolve("test-bigdata.p12"),
            Pkcs12.write(sandbox.party("bigdata").credentials(), PKCS12_PASSWORD.toCharArray()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sandbox;
  }

  static Path keys() {
    get();
    return keys;
  }

  /** The properties of a sandbox party from PEM files: endpoint, party, credentials, trust, gateway. */
  static void pemParty(DynamicPropertyRegistry r, String alias) {
    ExchangeSandbox s = get();
    TestParty p = s.party(alias);
    r.add("govdx.endpoint", () -> s.baseUri().toString());
    r.add("govdx.party-id", () -> p.partyId().toString());
    r.add(
        "govdx.credentials.private-key",
        () -> keys.resolve("test-" + alias + ".key.pem").toString());
    r.add(
        "govdx.credentials.certificate",
        () -> keys.resolve("test-" + alias + ".cert.pem").toString());
    r.add("govdx.trust.anchors", () -> keys.resolve("test-ca.cert.pem").toString());
    r.add("govdx.gateway.scheme", () -> "govdx-hmac");
    r.add("govdx.gateway.key-id", p::gatewayKeyId);
    r.add("govdx.gateway.secret", p::gatewaySecretBase64);
  }

  /** A push of one 12345 demand record to {@link #DEMANDS}. */
  static PushRequest demand(String gdbh) {
    ObjectNode r = new ObjectMapper().createObjectNode();
    r.put("gdbh", gdbh);
    r.put("sqqd", "电话");
    r.put("sqlx", "投诉");
    r.put("sqnr", "小区路灯不亮");
    r.put("xzqh", "320505");
    r.put("slsj", "2026-11-24T08:12:00Z");
    return PushRequest.builder()
        .resourceCode(DEMANDS)
        .addRecord(r)
        .idempotencyKey(UUID.randomUUID().toString())
        .build();
  }
}
