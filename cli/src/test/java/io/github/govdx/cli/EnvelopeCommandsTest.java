package io.github.govdx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.CliRun.Result;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * seal, open, verify and inspect against keys made by keygen: round trips in both suites, and tampered,
 * wrongly addressed, untrusted, stale and malformed envelopes.
 */
class EnvelopeCommandsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] PAYLOAD =
      "{\"case\":\"12345-2026-0001\",\"name\":\"张三\"}".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path pki;

  static Path a;
  static Path b;
  static Path c;
  static Path d;
  static Path e;
  static Path trustDir;

  @TempDir Path dir;

  @BeforeAll
  static void parties() {
    a = Pki.keygen(pki, "a", "gm", Pki.A);
    b = Pki.keygen(pki, "b", "gm", Pki.B + "/hotline");
    c = Pki.keygen(pki, "c", "gm", Pki.C);
    d = Pki.keygen(pki, "d", "intl", Pki.D);
    e = Pki.keygen(pki, "e", "intl", Pki.B);
    try {
      trustDir = Files.createDirectories(pki.resolve("trust"));
      Files.copy(a.resolve("cert.pem"), trustDir.resolve("a.pem"));
      Files.copy(d.resolve("cert.pem"), trustDir.resolve("d.crt"));
    } catch (IOException ex) {
      throw new java.io.UncheckedIOException(ex);
    }
  }

  private Path payloadFile() throws IOException {
    Path p = dir.resolve("payload.json");
    if (!Files.exists(p)) {
      Files.write(p, PAYLOAD);
    }
    return p;
  }

  private Path seal(Path from, String fromParty, Path to, String toParty, String... extra)
      throws IOException {
    Path out = dir.resolve("msg-" + System.nanoTime() + ".json");
    String[] base = {
      "seal",
      "--key",
      Pki.key(from),
      "--cert",
      Pki.cert(from),
      "--to",
      Pki.cert(to),
      "--from-party",
      fromParty,
      "--to-party",
      toParty,
      "--resource",
      "R-0001",
      "--action",
      "query",
      "--in",
      payloadFile().toString(),
      "--out",
      out.toString()
    };
    String[] args = concat(base, extra);
    Result r = CliRun.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return out;
  }

  private Path signOnly(Path from, String fromParty, String toParty) throws IOException {
    Path out = dir.resolve("signed-" + System.nanoTime() + ".json");
    Result r =
        CliRun.run(
            "seal",
            "--sign-only",
            "--key",
            Pki.key(from),
            "--cert",
            Pki.cert(from),
            "--from-party",
            fromParty,
            "--to-party",
            toParty,
            "--resource",
            "R-0001",
            "--in",
            payloadFile().toString(),
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return out;
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  // ------------------------------------------------------------------ round trips

  @Test
  void sealStreamThenOpenStream_bigFile_identical_andTamperedStreamLeavesNoOutput()
      throws IOException {
    Path big = dir.resolve("big.bin");
    byte[] content = new byte[3 * (1 << 20) + 12345];
    new java.util.Random(42).nextBytes(content);
    Files.write(big, content);
    Path sealed = dir.resolve("big.gdxs");
    Result s =
        CliRun.run(
            "seal",
            "--stream",
            "--key",
            Pki.key(a),
            "--cert",
            Pki.cert(a),
            "--to",
            Pki.cert(b),
            "--from-party",
            Pki.A,
            "--to-party",
            Pki.B + "/hotline",
            "--resource",
            "R-0001",
            "--in",
            big.toString(),
            "--out",
            sealed.toString());
    assertThat(s.exitCode()).as(s.toString()).isZero();
    assertThat(Files.size(sealed)).isLessThan(content.length + 8192L);
    Path out = dir.resolve("big.out");
    Result o =
        CliRun.run(
            "open",
            "--stream",
            "--key",
            Pki.key(b),
            "--trust",
            Pki.cert(a),
            "--in",
            sealed.toString(),
            "--out",
            out.toString());
    assertThat(o.exitCode()).as(o.toString()).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(content);
    assertThat(o.out()).contains("4 chunks");

    byte[] cut = Files.readAllBytes(sealed);
    Path truncated = dir.resolve("truncated.gdxs");
    Files.write(truncated, java.util.Arrays.copyOf(cut, cut.length - 100));
    Path never = dir.resolve("never.out");
    Result t =
        CliRun.run(
            "open",
            "--stream",
            "--key",
            Pki.key(b),
            "--trust",
            Pki.cert(a),
            "--in",
            truncated.toString(),
            "--out",
            never.toString());
    assertThat(t.exitCode()).as(t.toString()).isEqualTo(1);
    assertThat(t.err()).contains("GDX-2602");
    assertThat(never).doesNotExist();
    try (java.util.stream.Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void sealThenOpen_gm_payloadOnStdoutReportOnStderr_exit0() throws IOException {
    Path msg = seal(a, Pki.A, b, Pki.B + "/hotline");
    Result r =
        CliRun.run("open", "--key", Pki.key(b), "--trust", Pki.cert(a), "--in", msg.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.outBytes()).isEqualTo(PAYLOAD);
    assertThat(r.err())
        .contains("OK")
        .contains("sender         " + Pki.A)
        .contains("receiver       " + Pki.B + "/hotline")
        .contains(fingerprintOf(a));
  }

  @Test
  void sealThenOpen_intl_toFile_exit0() throws IOException {
    Path msg = seal(d, Pki.D, e, Pki.B);
    Path out = dir.resolve("plain.json");
    Result r =
        CliRun.run(
            "open",
            "--key",
            Pki.key(e),
            "--trust",
            Pki.cert(d),
            "--in",
            msg.toString(),
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(PAYLOAD);
    assertThat(r.out()).contains("ECDH-ES+A256KW").contains("A256GCM").contains("written to");
  }

  @Test
  void open_json_carriesPayloadAndSigner() throws IOException {
    Path msg = seal(a, Pki.A, b, Pki.B + "/hotline");
    Result r =
        CliRun.run(
            "open",
            "--json",
            "--key",
            Pki.key(b),
            "--trust",
            trustDir.toString(),
            "--in",
            msg.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = r.json();
    assertThat(json.path("ok").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(json.path("payloadBase64").asText())).isEqualTo(PAYLOAD);
    assertThat(json.path("signer").path("party").asText()).isEqualTo(Pki.A);
    assertThat(json.path("headers").path("receiver").asText()).isEqualTo(Pki.B + "/hotline");
    assertThat(json.path("receiver").path("keyId").asText()).isEqualTo(keyIdOf(b));
  }

  @Test
  void open_departmentCertificate_coversItsSystems_andPartySelectsOne() throws IOException {
    Path msg = seal(a, Pki.A, c, Pki.C + "/intake");
    Result asDepartment =
        CliRun.run("open", "--key", Pki.key(c), "--trust", Pki.cert(a), "--in", msg.toString());
    assertThat(asDepartment.exitCode()).as(asDepartment.toString()).isZero();
    Result asSystem =
        CliRun.run(
            "verify",
            "--key",
            Pki.key(c),
            "--party",
            Pki.C + "/intake",
            "--trust",
            Pki.cert(a),
            "--in",
            msg.toString());
    assertThat(asSystem.exitCode()).as(asSystem.toString()).isZero();
    Result otherSystem =
        CliRun.run(
            "open",
            "--key",
            Pki.key(c),
            "--party",
            Pki.C + "/archive",
            "--trust",
            Pki.cert(a),
            "--in",
            msg.toString());
    assertThat(otherSystem.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(otherSystem.err()).contains("GDX-2105");
  }

  @Test
  void open_partyNotNamedByCertificate_exit2_gdx5103() throws IOException {
    Path msg = seal(a, Pki.A, c, Pki.C);
    Result r =
        CliRun.run(
            "open",
            "--key",
            Pki.key(c),
            "--party",
            Pki.B,
            "--trust",
            Pki.cert(a),
            "--in",
            msg.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5103");
  }

  @Test
  void open_existingOut_refuses_exit2() throws IOException {
    Path msg = seal(a, Pki.A, b, Pki.B + "/hotline");
    Path out = Files.writeString(dir.resolve("exists.txt"), "keep");
    Result r =
        CliRun.run(
            "open",
            "--key",
            Pki.key(b),
            "--trust",
            Pki.cert(a),
            "--in",
            msg.toString(),
            "--out",
            out.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5004");
    assertThat(Files.readString(out)).isEqualTo("keep");
  }

  @Test
  void verify_signedEnvelope_trustOnly_namesSigner_exit0() throws IOException {
    Path msg = signOnly(a, Pki.A, Pki.C);
    Result r = CliRun.run("verify", "--trust", Pki.cert(a), "--in", msg.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("OK  signed envelope verified")
        .contains("party          " + Pki.A)
        .contains(fingerprintOf(a))
        .contains("not checked")
        .doesNotContain("12345-2026-0001");
  }

  @Test
  void verify_signedEnvelope_withReceiverKey_exit0() throws IOException {
    Path msg = signOnly(a, Pki.A, Pki.C);
    Result r =
        CliRun.run(
            "verify",
            "--json",
            "--trust",
            Pki.cert(a),
            "--in",
            msg.toString(),
            "--key",
            Pki.key(c));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.json().path("receiver").path("party").asText()).isEqualTo(Pki.C);
    assertThat(r.json().path("checks").toString()).contains("receiver is this party");
  }

  @Test
  void verify_sealedEnvelope_withReceiverKey_exit0() throws IOException {
    Path msg = seal(a, Pki.A, b, Pki.B + "/hotline");
    Result r =
        CliRun.run(
            "verify",
            "--trust",
            Pki.cert(a),
            "--in",
            msg.toString(),
            "--key",
            Pki.key(b),
            "--cert",
            Pki.cert(b));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("sealed to      " + Pki.B + "/hotline").doesNotContain("张三");
  }

  @Test
  void verify_sealedEnvelope_withoutKey_exit2() throws IOException {
    Path msg = seal(a, Pki.A, b, Pki.B + "/hotline");
    Result r = CliRun.run("verify", "--trust", Pki.cert(a), "--in", msg.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5101");
  }

  @Test
  void inspect_sealed_showsHeadersAndReceiverKid_withoutDecrypting() throws IOException {
    Path msg = seal(a, Pki.A, b, Pki.B + "/hotline", "--correlation-id", "corr-7");
    Result r =
        CliRun.run("inspect", "--in", msg.toString(), "--cert", Pki.cert(b), "--cert", Pki.cert(c));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("sealed envelope, GM suite")
        .contains("header alg     SM2")
        .contains("header enc     SM4-GCM")
        .contains("header cty     JOSE")
        .contains("corr-7")
        .contains("kid            " + keyIdOf(b))
        .contains("MATCHES (party " + Pki.B + "/hotline)")
        .contains("differs (party " + Pki.C + ")")
        .doesNotContain("张三");
  }

  @Test
  void inspect_signed_json_showsSignerFingerprintAndSizes() throws IOException {
    Path msg = signOnly(a, Pki.A, Pki.C);
    Result r = CliRun.run("inspect", "--json", "--in", msg.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode json = r.json();
    assertThat(json.path("kind").asText()).isEqualTo("SIGNED");
    assertThat(json.path("algorithms").path("jwsAlg").asText()).isEqualTo("SM2-SM3");
    assertThat(json.path("signerCertificate").path("sha256Fingerprint").asText())
        .isEqualTo(fingerprintOf(a));
    assertThat(json.path("sizes").path("signature").asInt()).isEqualTo(64);
    assertThat(json.path("sizes").path("payload").asInt()).isEqualTo(PAYLOAD.length);
    assertThat(json.path("sizes").path("envelope").asLong()).isEqualTo(Files.size(msg));
  }

  // ------------------------------------------------------------------ failed checks: exit 1

  @Test
  void open_tamperedCiphertext_exit1_gdx2101() throws IOException {
    Path msg = tamper(seal(a, Pki.A, b, Pki.B + "/hotline"), "ciphertext");
    Result r =
        CliRun.run("open", "--key", Pki.key(b), "--trust", Pki.cert(a), "--in", msg.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("check failed: GDX-2101");
    assertThat(r.outBytes()).isEmpty();
  }

  @Test
  void open_tamperedTag_exit1() throws IOException {
    Path msg = tamper(seal(a, Pki.A, b, Pki.B + "/hotline"), "tag");
    Result r =
        CliRun.run("open", "--key", Pki.key(b), "--trust", Pki.cert(a), "--in", msg.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("GDX-2101");
  }

  @Test
  void verify_tamperedSignedPayload_exit1_gdx2102() throws IOException {
    Path msg = tamper(signOnly(a, Pki.A, Pki.C), "payload");
    Result r = CliRun.run("verify", "--json", "--trust", Pki.cert(a), "--in", msg.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.json().path("error").path("code").asText()).isEqualTo("GDX-2102");
    assertThat(r.json().path("ok").asBoolean(true)).isFalse();
  }

  @Test
  void verify_alteredRoutingHeader_exit1() throws IOException {
    Path signed = signOnly(a, Pki.A, Pki.C);
    ObjectNode env = (ObjectNode) MAPPER.readTree(signed.toFile());
    ObjectNode header =
        (ObjectNode) MAPPER.readTree(Base64.getUrlDecoder().decode(env.path("protected").asText()));
    header.put("gdx.rcv", Pki.B);
    env.put(
        "protected",
        Base64.getUrlEncoder().withoutPadding().encodeToString(MAPPER.writeValueAsBytes(header)));
    Path altered = Files.write(dir.resolve("altered.json"), MAPPER.writeValueAsBytes(env));
    Result r = CliRun.run("verify", "--trust", Pki.cert(a), "--in", altered.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("GDX-2102");
  }

  @Test
  void open_wronglyAddressed_exit1_gdx2105() throws IOException {
    Path msg = seal(a, Pki.A, b, Pki.B + "/hotline");
    Result r =
        CliRun.run("open", "--key", Pki.key(c), "--trust", Pki.cert(a), "--in", msg.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("GDX-2105").contains(Pki.B + "/hotline");
    assertThat(r.outBytes()).isEmpty();
  }

  @Test
  void verify_signedForAnotherReceiver_withKey_exit1_gdx2105() throws IOException {
    Path msg = signOnly(a, Pki.A, Pki.C);
    Result r =
        CliRun.run("verify", "--trust", Pki.cert(a), "--in", msg.toString(), "--key", Pki.key(b));
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("GDX-2105");
  }

  @Test
  void verify_untrustedSigner_exit1_gdx2201() throws IOException {
    Path msg = signOnly(a, Pki.A, Pki.C);
    Result r = CliRun.run("verify", "--trust", Pki.cert(c), "--in", msg.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("check failed: GDX-2201");
  }

  @Test
  void open_untrustedSigner_exit1_gdx2201() throws IOException {
    Path msg = seal(a, Pki.A, b, Pki.B + "/hotline");
    Result r =
        CliRun.run("open", "--key", Pki.key(b), "--trust", Pki.cert(c), "--in", msg.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("GDX-2201");
    assertThat(r.outBytes()).isEmpty();
  }

  @Test
  void open_staleMessage_withLiveWindow_exit1_gdx2301() throws IOException {
    Path msg = seal(a, Pki.A, b, Pki.B + "/hotline");
    Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
    Result r =
        CliRun.run(
            later,
            "open",
            "--key",
            Pki.key(b),
            "--trust",
            Pki.cert(a),
            "--in",
            msg.toString(),
            "--max-skew",
            "PT5M");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("GDX-2301");
    Result atIssued =
        CliRun.run(
            later,
            "open",
            "--key",
            Pki.key(b),
            "--trust",
            Pki.cert(a),
            "--in",
            msg.toString(),
            "--max-skew",
            "PT5M",
            "--at",
            "issued");
    assertThat(atIssued.exitCode()).as(atIssued.toString()).isZero();
  }

  @Test
  void verify_afterSignerCertificateExpired_exit1_gdx2202() throws IOException {
    Path msg = signOnly(a, Pki.A, Pki.C);
    Result r =
        CliRun.run(
            "verify",
            "--trust",
            Pki.cert(a),
            "--in",
            msg.toString(),
            "--at",
            "2030-01-01T00:00:00Z");
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("GDX-2202");
  }

  @Test
  void open_keyOfOtherSuite_exit1() throws IOException {
    Path msg = seal(a, Pki.A, b, Pki.B + "/hotline");
    Result r =
        CliRun.run("open", "--key", Pki.key(e), "--trust", Pki.cert(a), "--in", msg.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("GDX-2007");
  }

  @Test
  void seal_recipientCertificateOfAnotherParty_exit1_gdx2206() throws IOException {
    Path out = dir.resolve("x.json");
    Result r =
        CliRun.run(
            "seal",
            "--key",
            Pki.key(a),
            "--cert",
            Pki.cert(a),
            "--to",
            Pki.cert(c),
            "--from-party",
            Pki.A,
            "--to-party",
            Pki.B,
            "--resource",
            "R-0001",
            "--in",
            payloadFile().toString(),
            "--out",
            out.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("GDX-2206");
    assertThat(out).doesNotExist();
  }

  @Test
  void inspect_notAnEnvelope_exit1_gdx2001() throws IOException {
    Path junk =
        Files.writeString(dir.resolve("junk.json"), "{\"protected\":\"e30\",\"payload\":1}");
    Result r = CliRun.run("inspect", "--in", junk.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).containsPattern("GDX-200\\d");
  }

  @Test
  void inspect_x5cNotACertificate_exit1_gdx2204() throws IOException {
    Path signed = signOnly(a, Pki.A, Pki.C);
    ObjectNode env = (ObjectNode) MAPPER.readTree(signed.toFile());
    ObjectNode header =
        (ObjectNode) MAPPER.readTree(Base64.getUrlDecoder().decode(env.path("protected").asText()));
    header
        .putArray("x5c")
        .add(
            Base64.getEncoder()
                .encodeToString("not a certificate".getBytes(StandardCharsets.UTF_8)));
    env.put(
        "protected",
        Base64.getUrlEncoder().withoutPadding().encodeToString(MAPPER.writeValueAsBytes(header)));
    Path bad = Files.write(dir.resolve("bad-x5c.json"), MAPPER.writeValueAsBytes(env));
    Result r = CliRun.run("inspect", "--in", bad.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("GDX-2204");
    Result v = CliRun.run("verify", "--trust", Pki.cert(a), "--in", bad.toString());
    assertThat(v.exitCode()).as(v.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
  }

  @Test
  void inspect_unprotectedMemberAdded_exit1_gdx2004() throws IOException {
    Path signed = signOnly(a, Pki.A, Pki.C);
    ObjectNode env = (ObjectNode) MAPPER.readTree(signed.toFile());
    env.putObject("header").put("kid", "evil");
    Path bad = Files.write(dir.resolve("bad.json"), MAPPER.writeValueAsBytes(env));
    Result r = CliRun.run("inspect", "--in", bad.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.err()).contains("GDX-2004");
  }

  // ------------------------------------------------------------------ could not run: exit 2

  @Test
  void seal_keyOfAnotherCertificate_exit2_gdx5103() throws IOException {
    Result r =
        CliRun.run(
            "seal",
            "--key",
            Pki.key(c),
            "--cert",
            Pki.cert(a),
            "--to",
            Pki.cert(b),
            "--from-party",
            Pki.A,
            "--to-party",
            Pki.B,
            "--resource",
            "R-0001",
            "--in",
            payloadFile().toString(),
            "--out",
            dir.resolve("y.json").toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5103");
  }

  @Test
  void seal_withoutRecipientUnlessSignOnly_exit2() throws IOException {
    Result r =
        CliRun.run(
            "seal",
            "--key",
            Pki.key(a),
            "--cert",
            Pki.cert(a),
            "--from-party",
            Pki.A,
            "--to-party",
            Pki.B,
            "--resource",
            "R-0001",
            "--in",
            payloadFile().toString(),
            "--out",
            dir.resolve("y.json").toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5001").contains("--to");
  }

  @Test
  void seal_signOnlyWithRecipient_exit2() throws IOException {
    Result r =
        CliRun.run(
            "seal",
            "--sign-only",
            "--to",
            Pki.cert(b),
            "--key",
            Pki.key(a),
            "--cert",
            Pki.cert(a),
            "--from-party",
            Pki.A,
            "--to-party",
            Pki.B,
            "--resource",
            "R-0001",
            "--in",
            payloadFile().toString(),
            "--out",
            dir.resolve("y.json").toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5001").contains("exclude");
  }

  @Test
  void seal_missingPayload_exit2_gdx5002() {
    Result r =
        CliRun.run(
            "seal",
            "--sign-only",
            "--key",
            Pki.key(a),
            "--cert",
            Pki.cert(a),
            "--from-party",
            Pki.A,
            "--to-party",
            Pki.B,
            "--resource",
            "R-0001",
            "--in",
            dir.resolve("none").toString(),
            "--out",
            dir.resolve("y.json").toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5002");
  }

  @Test
  void seal_badResourceCode_exit2_gdx5001() throws IOException {
    Result r =
        CliRun.run(
            "seal",
            "--sign-only",
            "--key",
            Pki.key(a),
            "--cert",
            Pki.cert(a),
            "--from-party",
            Pki.A,
            "--to-party",
            Pki.B,
            "--resource",
            "has space",
            "--in",
            payloadFile().toString(),
            "--out",
            dir.resolve("y.json").toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5001");
  }

  @Test
  void open_keyFileNotAKey_exit2_gdx2401() throws IOException {
    Path msg = seal(a, Pki.A, b, Pki.B + "/hotline");
    Result r =
        CliRun.run(
            "open",
            "--key",
            Pki.cert(b),
            "--cert",
            Pki.cert(b),
            "--trust",
            Pki.cert(a),
            "--in",
            msg.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("error: GDX-2401");
  }

  @Test
  void open_keyWithoutCertificate_exit2_gdx5106() throws IOException {
    Path msg = seal(a, Pki.A, b, Pki.B + "/hotline");
    Path lonely = Files.createDirectories(dir.resolve("lonely"));
    Path key = Files.copy(b.resolve("key.pem"), lonely.resolve("key.pem"));
    Result r =
        CliRun.run("open", "--key", key.toString(), "--trust", Pki.cert(a), "--in", msg.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5106");
  }

  @Test
  void verify_trustPathMissing_exit2_gdx5002() throws IOException {
    Path msg = signOnly(a, Pki.A, Pki.C);
    Result r =
        CliRun.run(
            "verify", "--trust", dir.resolve("nothing.pem").toString(), "--in", msg.toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5002");
  }

  @Test
  void inspect_missingFile_exit2_gdx5002() {
    Result r = CliRun.run("--json", "inspect", "--in", dir.resolve("none.json").toString());
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.json().path("error").path("code").asText()).isEqualTo("GDX-5002");
  }

  @Test
  void inspect_certFileWithoutCertificate_exit2_gdx5006() throws IOException {
    Path msg = signOnly(a, Pki.A, Pki.C);
    Result r = CliRun.run("inspect", "--in", msg.toString(), "--cert", Pki.key(a));
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5006");
  }

  @Test
  void verify_badAt_exit2() throws IOException {
    Path msg = signOnly(a, Pki.A, Pki.C);
    Result r =
        CliRun.run("verify", "--trust", Pki.cert(a), "--in", msg.toString(), "--at", "yesterday");
    assertThat(r.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(r.err()).contains("GDX-5001");
  }

  // ------------------------------------------------------------------ helpers

  private Path tamper(Path envelope, String member) throws IOException {
    ObjectNode env = (ObjectNode) MAPPER.readTree(envelope.toFile());
    byte[] raw = Base64.getUrlDecoder().decode(env.path(member).asText());
    raw[raw.length / 2] ^= 0x01;
    env.put(member, Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    return Files.write(dir.resolve("tampered-" + member + ".json"), MAPPER.writeValueAsBytes(env));
  }

  private static String fingerprintOf(Path party) throws IOException {
    java.security.cert.X509Certificate cert =
        Pem.readCertificates(Files.readString(party.resolve("cert.pem"))).get(0);
    try {
      byte[] dgst = java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      StringBuilder sb = new StringBuilder();
      for (byte x : dgst) {
        sb.append(sb.length() == 0 ? "" : ":").append(String.format("%02X", x));
      }
      return sb.toString();
    } catch (java.security.GeneralSecurityException ex) {
      throw new AssertionError(ex);
    }
  }

  private static String keyIdOf(Path party) throws IOException {
    return Certificates.keyId(
        Pem.readCertificates(Files.readString(party.resolve("cert.pem"))).get(0));
  }
}
