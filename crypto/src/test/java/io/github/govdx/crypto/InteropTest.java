package io.github.govdx.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.crypto.internal.Sm2;
import io.github.govdx.crypto.internal.SoftwareKeyHolder;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with independent implementations: OpenSSL 3 for SM2-SM3 signatures and SM2 encryption (GB/T 35276
 * DER), node panva/jose 6 for INTL envelopes. See {@link ExternalTools} for skip/fail rules.
 */
class InteropTest {

  private static final BigInteger N = Sm2.DOMAIN.getN();
  private static final List<String> SM3_OPTS =
      List.of("-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678");

  @TempDir Path dir;

  private static byte[] toDer(byte[] rs) throws Exception {
    BigInteger[] v = PlainDSAEncoding.INSTANCE.decode(N, rs);
    return StandardDSAEncoding.INSTANCE.encode(N, v[0], v[1]);
  }

  private static byte[] toPlain(byte[] der) throws Exception {
    BigInteger[] v = StandardDSAEncoding.INSTANCE.decode(N, der);
    return PlainDSAEncoding.INSTANCE.encode(N, v[0], v[1]);
  }

  private ExternalTools.Result openssl(String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
    cmd.addAll(List.of(args));
    return ExternalTools.run(dir, cmd);
  }

  private ExternalTools.Result opensslVerify(Path msg, Path sig, Path pub) {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                "openssl",
                "pkeyutl",
                "-verify",
                "-in",
                msg.toString(),
                "-sigfile",
                sig.toString(),
                "-pubin",
                "-inkey",
                pub.toString()));
    cmd.addAll(SM3_OPTS);
    return ExternalTools.run(dir, cmd);
  }

  @Test
  void govdxSm2Sm3EnvelopeSignature_verifiesWithOpenssl() throws Exception {
    ExternalTools.requireOpenssl(dir);
    TestPki pki = TestPki.of(Suite.GM);
    Envelope env =
        pki.sender().sign(TestPki.headers().build(), "{\"q\":1}".getBytes(StandardCharsets.UTF_8));
    Path msg =
        Files.write(
            dir.resolve("input.txt"),
            (env.part(0) + "." + env.part(1)).getBytes(StandardCharsets.US_ASCII));
    Path sig =
        Files.write(dir.resolve("sig.der"), toDer(Base64.getUrlDecoder().decode(env.part(2))));
    Path pub =
        Files.writeString(dir.resolve("pub.pem"), Pem.write(pki.a.certificate().getPublicKey()));

    ExternalTools.Result ok = opensslVerify(msg, sig, pub);
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("Signature Verified Successfully");

    Files.write(msg, (env.part(0) + "." + env.part(1) + "x").getBytes(StandardCharsets.US_ASCII));
    assertThat(opensslVerify(msg, sig, pub).exit()).isNotZero();
  }

  @Test
  void opensslSm2Sm3Signature_verifiesInGovdx_withOpensslKeyAsSender() throws Exception {
    ExternalTools.requireOpenssl(dir);
    TestPki pki = TestPki.of(Suite.GM);
    assertThat(openssl("genpkey", "-algorithm", "SM2", "-out", "key.pem").exit()).isZero();
    assertThat(openssl("pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem").exit()).isZero();
    PrivateKey key = Pem.readPrivateKey(Files.readString(dir.resolve("key.pem")));
    PublicKey pub = Pem.readPublicKey(Files.readString(dir.resolve("pub.pem")));
    PartyCredentials a =
        PartyCredentials.builder()
            .partyId(TestPki.A)
            .privateKey(key)
            .certificateChain(
                List.of(
                    Certificates.issue(
                        TestPki.A,
                        pub,
                        pki.ca,
                        pki.caKeys.getPrivate(),
                        TestPki.NOW.minus(Duration.ofDays(1)),
                        TestPki.NOW.plus(Duration.ofDays(1)))))
            .build();
    // govdx lays out the JWS; OpenSSL makes the signature over the signing input
    Envelope env =
        pki.codec(a)
            .build()
            .sign(TestPki.headers().build(), "hello".getBytes(StandardCharsets.UTF_8));
    Path msg =
        Files.write(
            dir.resolve("input.txt"),
            (env.part(0) + "." + env.part(1)).getBytes(StandardCharsets.US_ASCII));
    List<String> sign =
        new java.util.ArrayList<>(
            List.of(
                "pkeyutl", "-sign", "-in", msg.toString(), "-inkey", "key.pem", "-out", "sig.der"));
    sign.addAll(SM3_OPTS);
    ExternalTools.Result r = openssl(sign.toArray(new String[0]));
    assertThat(r.exit()).as(r.err()).isZero();
    byte[] rs = toPlain(Files.readAllBytes(dir.resolve("sig.der")));
    assertThat(rs).hasSize(64);
    String json =
        "{\"protected\":\""
            + env.part(0)
            + "\",\"payload\":\""
            + env.part(1)
            + "\",\"signature\":\""
            + Base64.getUrlEncoder().withoutPadding().encodeToString(rs)
            + "\"}";

    OpenedMessage m = pki.receiver().verify(json.getBytes(StandardCharsets.US_ASCII));

    assertThat(new String(m.payload(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(Sm2.verify(Sm2.publicParameters(pub), Files.readAllBytes(msg), rs)).isTrue();
  }

  @Test
  void sm2Encryption_derFormInteroperatesWithOpenssl_bothWays() throws Exception {
    ExternalTools.requireOpenssl(dir);
    assertThat(openssl("genpkey", "-algorithm", "SM2", "-out", "key.pem").exit()).isZero();
    assertThat(openssl("pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem").exit()).isZero();
    PrivateKey key = Pem.readPrivateKey(Files.readString(dir.resolve("key.pem")));
    PublicKey pub = Pem.readPublicKey(Files.readString(dir.resolve("pub.pem")));
    byte[] cek = new byte[16];
    new Random(1).nextBytes(cek);
    Files.write(dir.resolve("cek.bin"), cek);

    ExternalTools.Result enc =
        openssl(
            "pkeyutl",
            "-encrypt",
            "-pubin",
            "-inkey",
            "pub.pem",
            "-in",
            "cek.bin",
            "-out",
            "ct.der");
    assertThat(enc.exit()).as(enc.err()).isZero();
    assertThat(
            Sm2.decrypt(
                SoftwareKeyHolder.privateParameters(key),
                Files.readAllBytes(dir.resolve("ct.der"))))
        .isEqualTo(cek);

    Files.write(dir.resolve("ours.der"), Sm2.encrypt(Sm2.publicParameters(pub), cek));
    ExternalTools.Result dec =
        openssl("pkeyutl", "-decrypt", "-inkey", "key.pem", "-in", "ours.der", "-out", "back.bin");
    assertThat(dec.exit()).as(dec.err()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("back.bin"))).isEqualTo(cek);
  }

  @Test
  void intlSealedEnvelope_opensInNodeJose() throws Exception {
    ExternalTools.requireNodeJose(dir);
    TestPki pki = TestPki.of(Suite.INTL);
    byte[] payload = "{\"name\":\"张三\"}".getBytes(StandardCharsets.UTF_8);
    Envelope env = pki.sender().seal(TestPki.headers().correlationId("c-9").build(), payload);
    Files.writeString(dir.resolve("b.pem"), Pem.write(pki.b.privateKey()));
    Files.write(dir.resolve("env.json"), env.toBytes());

    ExternalTools.Result r =
        ExternalTools.run(
            dir,
            List.of(
                "node",
                ExternalTools.NODE_HARNESS.resolve("interop.mjs").toString(),
                "open",
                "b.pem",
                "env.json"));

    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(r.out());
    assertThat(Base64.getUrlDecoder().decode(out.get("payload").asText())).isEqualTo(payload);
    assertThat(out.get("outer").get("gdx.mid").asText()).isEqualTo(env.headers().messageId());
    assertThat(out.get("outer").get("epk")).isNotNull();
    assertThat(out.get("inner").get("kid").asText()).isEqualTo(pki.a.keyId());
    assertThat(out.get("inner").get("gdx.cid").asText()).isEqualTo("c-9");
  }

  @Test
  void nodeJoseSealedEnvelope_opensInGovdx() throws Exception {
    ExternalTools.requireNodeJose(dir);
    TestPki pki = TestPki.of(Suite.INTL);
    Files.writeString(dir.resolve("a.pem"), Pem.write(pki.a.privateKey()));
    Files.writeString(dir.resolve("a.crt"), Pem.write(pki.a.certificate()));
    Files.writeString(dir.resolve("b.crt"), Pem.write(pki.b.certificate()));
    Map<String, Object> routing = new LinkedHashMap<>();
    routing.put("gdx.mid", "node-1");
    routing.put("gdx.iat", TestPki.NOW.getEpochSecond());
    routing.put("gdx.snd", TestPki.A.toString());
    routing.put("gdx.rcv", TestPki.B.toString());
    routing.put("gdx.res", "R-0001");
    routing.put("gdx.act", "push");
    Files.writeString(dir.resolve("routing.json"), new ObjectMapper().writeValueAsString(routing));
    byte[] payload = new byte[2048];
    new Random(3).nextBytes(payload);
    Files.write(dir.resolve("payload.bin"), payload);

    ExternalTools.Result r =
        ExternalTools.run(
            dir,
            List.of(
                "node",
                ExternalTools.NODE_HARNESS.resolve("interop.mjs").toString(),
                "seal",
                "a.pem",
                "a.crt",
                "b.crt",
                "routing.json",
                "payload.bin"));
    assertThat(r.exit()).as(r.err()).isZero();

    OpenedMessage m = pki.receiver().open(r.out().getBytes(StandardCharsets.UTF_8));

    assertThat(m.payload()).isEqualTo(payload);
    assertThat(m.headers().messageId()).isEqualTo("node-1");
    assertThat(m.headers().action()).isEqualTo("push");
    assertThat(m.signerCertificate()).isEqualTo(pki.a.certificate());
  }
}
