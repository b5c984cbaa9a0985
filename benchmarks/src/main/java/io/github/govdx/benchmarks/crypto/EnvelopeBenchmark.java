package io.github.govdx.benchmarks.crypto;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Seal + open of one message per operation: govdx {@link EnvelopeCodec} against the raw primitive chain of
 * the same suite, written by hand on the raw libraries.
 *
 * <ul>
 *   <li>{@link #rawSealOpen()}, the baseline of the target: INTL — plain Nimbus compact JWS ES256 inside a
 *       compact JWE ECDH-ES+A256KW/A256GCM, then decrypt and verify, with Bouncy Castle doing the
 *       elliptic-curve work as in govdx (SunEC is 3–6× slower for P-256 on JDK 17). GM — the same JOSE byte layout with
 *       Bouncy Castle primitives and no checks: SM2 signature (reused signer) over the base64url signing
 *       input, SM2 encryption of a 16-byte CEK, SM4-GCM over the compact JWS with the base64url protected
 *       header as AAD, the flattened JSON written and read with plain Jackson, then SM2 decryption, SM4-GCM
 *       decryption and SM2 verification. Its JWS header carries the same {@code x5c} chain as govdx's, so
 *       both hash and encrypt the same number of bytes.
 *   <li>{@link #rawBareSealOpen()}, GM only (INTL runs the Nimbus chain): the bare primitives with no JOSE at
 *       all — SM2 over the raw payload, SM4-GCM over payload‖signature. The difference to {@code rawSealOpen}
 *       is the cost of the JOSE format itself (base64url ×4/3, headers).
 * </ul>
 *
 * <p>Every raw GM chain uses Bouncy Castle's optimized curve ({@code CustomNamedCurves}), as govdx does.
 * govdx additionally does JSON envelope parsing with limits, header allow-lists, routing-header binding, chain
 * validation (cached), freshness and a replay-cache insert.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBenchmark {

  private static final PartyId A = PartyId.parse("11320500014160478L");

  /** The elliptic-curve provider of both INTL chains (govdx uses Bouncy Castle's P-256 too). */
  private static final java.security.Provider BC =
      new org.bouncycastle.jce.provider.BouncyCastleProvider();

  private static final PartyId B = PartyId.parse("91350100M000100Y43");
  private static final byte[] ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

  /** The suite. */
  @Param({"GM", "INTL"})
  public String suite;

  /** The payload size in bytes. */
  @Param({"1024", "65536"})
  public int size;

  private byte[] payload;
  private EnvelopeCodec sender;
  private EnvelopeCodec receiver;
  private RoutingHeaders.Builder headers;

  // raw GM
  private final SecureRandom random = new SecureRandom();
  private ECDomainParameters domain;
  private SM2Signer rawSigner;
  private ECPrivateKeyParameters bPriv;
  private ECPublicKeyParameters aPub;
  private ECPublicKeyParameters bPub;

  // raw INTL
  private ECDSASigner esSigner;
  private ECDHDecrypter ecdhDecrypter;
  private ECPublicKey aEcPub;
  private ECPublicKey bEcPub;

  /** Keys, certificates, codecs and raw engines. */
  @Setup
  public void setup() throws Exception {
    Suite s = Suite.valueOf(suite);
    payload = new byte[size];
    random.nextBytes(payload);
    Instant now = Instant.now();
    KeyPair ca = KeyPairs.generate(s);
    X509Certificate caCert =
        Certificates.selfSignedCa(
            "bench CA", ca, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    KeyPair a = KeyPairs.generate(s);
    KeyPair b = KeyPairs.generate(s);
    PartyCredentials ca1 =
        PartyCredentials.builder()
            .partyId(A)
            .privateKey(a.getPrivate())
            .certificateChain(
                List.of(
                    Certificates.issue(
                        A,
                        a.getPublic(),
                        caCert,
                        ca.getPrivate(),
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(30)))))
            .build();
    PartyCredentials cb =
        PartyCredentials.builder()
            .partyId(B)
            .privateKey(b.getPrivate())
            .certificateChain(
                List.of(
                    Certificates.issue(
                        B,
                        b.getPublic(),
                        caCert,
                        ca.getPrivate(),
                        now.minus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(30)))))
            .build();
    TrustStore trust = TrustStore.of(caCert);
    // a short skew keeps the default in-memory replay cache small: ids expire after 10 s
    sender = EnvelopeCodec.builder().credentials(ca1).trustStore(trust).build();
    receiver =
        EnvelopeCodec.builder()
            .credentials(cb)
            .trustStore(trust)
            .clockSkew(Duration.ofSeconds(10))
            .build();
    headers = RoutingHeaders.builder().sender(A).receiver(B).resourceCode("R-0001").action("query");
    this.bCert = cb.certificate();
    StringBuilder x5c = new StringBuilder("[");
    for (X509Certificate c : ca1.certificateChain()) {
      x5c.append(x5c.length() > 1 ? "," : "")
          .append('"')
          .append(java.util.Base64.getEncoder().encodeToString(c.getEncoded()))
          .append('"');
    }
    x5cJson = x5c.append(']').toString();

    if (s == Suite.GM) {
      X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
      domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
      ECPrivateKeyParameters aPriv =
          new ECPrivateKeyParameters(((ECPrivateKey) a.getPrivate()).getS(), domain);
      bPriv = new ECPrivateKeyParameters(((ECPrivateKey) b.getPrivate()).getS(), domain);
      aPub = new ECPublicKeyParameters(domain.getG().multiply(aPriv.getD()).normalize(), domain);
      bPub = new ECPublicKeyParameters(domain.getG().multiply(bPriv.getD()).normalize(), domain);
      rawSigner = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
      rawSigner.init(true, new ParametersWithID(new ParametersWithRandom(aPriv, random), ID));
    } else {
      esSigner = new ECDSASigner((ECPrivateKey) ca1.privateKey());
      esSigner.getJCAContext().setProvider(BC);
      ecdhDecrypter = new ECDHDecrypter((ECPrivateKey) cb.privateKey());
      ecdhDecrypter.getJCAContext().setKeyEncryptionProvider(BC);
      aEcPub = (ECPublicKey) Certificates.publicKey(ca1.certificate());
      bEcPub = (ECPublicKey) Certificates.publicKey(cb.certificate());
    }
  }

  private X509Certificate bCert;

  /** govdx: seal, then open (all checks). */
  @Benchmark
  public OpenedMessage govdxSealOpen() {
    byte[] wire = sender.seal(headers.build(), payload, bCert).toBytes();
    return receiver.open(wire);
  }

  /** The raw chain of the suite in the JOSE layout (the target's baseline). */
  @Benchmark
  public byte[] rawSealOpen() throws Exception {
    return "GM".equals(suite) ? rawJoseGm() : rawIntl();
  }

  /** GM: the bare primitives without JOSE; INTL: the same as {@link #rawSealOpen()}. */
  @Benchmark
  public byte[] rawBareSealOpen() throws Exception {
    return "GM".equals(suite) ? rawGm() : rawIntl();
  }

  private static final java.util.Base64.Encoder B64 =
      java.util.Base64.getUrlEncoder().withoutPadding();
  private static final java.util.Base64.Decoder D64 = java.util.Base64.getUrlDecoder();
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private String x5cJson;

  private byte[] rawJoseGm() throws Exception {
    // seal: JWS header with routing and x5c, signing input, signature, compact JWS
    String mid = java.util.UUID.randomUUID().toString();
    long iat = System.currentTimeMillis() / 1000;
    String routing =
        "\"gdx.mid\":\""
            + mid
            + "\",\"gdx.iat\":"
            + iat
            + ",\"gdx.snd\":\""
            + A
            + "\",\"gdx.rcv\":\""
            + B
            + "\",\"gdx.res\":\"R-0001\",\"gdx.act\":\"query\"";
    String jwsHeader =
        B64.encodeToString(
            ("{\"alg\":\"SM2-SM3\",\"kid\":\"k1\",\"x5c\":" + x5cJson + "," + routing + "}")
                .getBytes(StandardCharsets.UTF_8));
    String signingInput = jwsHeader + "." + B64.encodeToString(payload);
    byte[] si = signingInput.getBytes(StandardCharsets.US_ASCII);
    rawSigner.update(si, 0, si.length);
    byte[] compact =
        (signingInput + "." + B64.encodeToString(rawSigner.generateSignature()))
            .getBytes(StandardCharsets.US_ASCII);
    // JWE: CEK, SM2-encrypted CEK, SM4-GCM with the protected header as AAD, flattened JSON
    byte[] cek = new byte[16];
    byte[] iv = new byte[12];
    random.nextBytes(cek);
    random.nextBytes(iv);
    byte[] ek = sm2(true, cek);
    String jweHeader =
        B64.encodeToString(
            ("{\"alg\":\"SM2\",\"enc\":\"SM4-GCM\",\"cty\":\"JOSE\",\"kid\":\"k2\","
                    + routing
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
    byte[] ct = gcm(true, cek, iv, compact, jweHeader.getBytes(StandardCharsets.US_ASCII));
    int n = ct.length - 16;
    byte[] wire =
        ("{\"protected\":\""
                + jweHeader
                + "\",\"encrypted_key\":\""
                + B64.encodeToString(ek)
                + "\",\"iv\":\""
                + B64.encodeToString(iv)
                + "\",\"ciphertext\":\""
                + B64.encodeToString(java.util.Arrays.copyOf(ct, n))
                + "\",\"tag\":\""
                + B64.encodeToString(java.util.Arrays.copyOfRange(ct, n, ct.length))
                + "\"}")
            .getBytes(StandardCharsets.US_ASCII);
    // open: parse, decrypt the CEK, decrypt, split the compact JWS, verify, decode the payload
    com.fasterxml.jackson.databind.JsonNode env = JSON.readTree(wire);
    String protectedB64 = env.get("protected").asText();
    JSON.readTree(D64.decode(protectedB64));
    byte[] cek2 = sm2(false, D64.decode(env.get("encrypted_key").asText()));
    byte[] ct2 = D64.decode(env.get("ciphertext").asText());
    byte[] tag2 = D64.decode(env.get("tag").asText());
    byte[] in = java.util.Arrays.copyOf(ct2, ct2.length + tag2.length);
    System.arraycopy(tag2, 0, in, ct2.length, tag2.length);
    byte[] pt =
        gcm(
            false,
            cek2,
            D64.decode(env.get("iv").asText()),
            in,
            protectedB64.getBytes(StandardCharsets.US_ASCII));
    String jws = new String(pt, StandardCharsets.US_ASCII);
    int dot1 = jws.indexOf('.');
    int dot2 = jws.lastIndexOf('.');
    JSON.readTree(D64.decode(jws.substring(0, dot1)));
    SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    verifier.init(false, new ParametersWithID(aPub, ID));
    verifier.update(pt, 0, dot2);
    if (!verifier.verifySignature(D64.decode(jws.substring(dot2 + 1)))) {
      throw new IllegalStateException("raw GM verification failed");
    }
    return D64.decode(jws.substring(dot1 + 1, dot2));
  }

  private byte[] rawGm() throws Exception {
    // seal
    rawSigner.update(payload, 0, payload.length);
    byte[] sig = rawSigner.generateSignature();
    byte[] cek = new byte[16];
    byte[] iv = new byte[12];
    random.nextBytes(cek);
    random.nextBytes(iv);
    byte[] ek = sm2(true, cek);
    byte[] plain = new byte[payload.length + sig.length];
    System.arraycopy(payload, 0, plain, 0, payload.length);
    System.arraycopy(sig, 0, plain, payload.length, sig.length);
    byte[] ct = gcm(true, cek, iv, plain, new byte[0]);
    // open
    byte[] cek2 = sm2(false, ek);
    byte[] pt = gcm(false, cek2, iv, ct, new byte[0]);
    SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    verifier.init(false, new ParametersWithID(aPub, ID));
    verifier.update(pt, 0, pt.length - 64);
    if (!verifier.verifySignature(java.util.Arrays.copyOfRange(pt, pt.length - 64, pt.length))) {
      throw new IllegalStateException("raw GM verification failed");
    }
    return pt;
  }

  /** SM2 (C1C3C2) encryption of a CEK to B, or its decryption with B's key. */
  private byte[] sm2(boolean encrypt, byte[] in) throws Exception {
    SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
    engine.init(encrypt, encrypt ? new ParametersWithRandom(bPub, random) : bPriv);
    return engine.processBlock(in, 0, in.length);
  }

  private static byte[] gcm(boolean encrypt, byte[] key, byte[] iv, byte[] in, byte[] aad)
      throws Exception {
    GCMModeCipher c = GCMBlockCipher.newInstance(new SM4Engine());
    c.init(encrypt, new AEADParameters(new KeyParameter(key), 128, iv, aad));
    byte[] out = new byte[c.getOutputSize(in.length)];
    int n = 0;
    for (int off = 0; off < in.length; off += 65536) {
      n += c.processBytes(in, off, Math.min(65536, in.length - off), out, n);
    }
    c.doFinal(out, n);
    return out;
  }

  private byte[] rawIntl() throws Exception {
    JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload(payload));
    jws.sign(esSigner);
    JWEObject jwe =
        new JWEObject(
            new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
                .contentType("JWT")
                .build(),
            new Payload(jws.serialize()));
    ECDHEncrypter encrypter = new ECDHEncrypter(bEcPub);
    encrypter.getJCAContext().setKeyEncryptionProvider(BC);
    jwe.encrypt(encrypter);
    String wire = jwe.serialize();
    JWEObject in = JWEObject.parse(wire);
    in.decrypt(ecdhDecrypter);
    JWSObject inner = JWSObject.parse(in.getPayload().toString());
    ECDSAVerifier verifier = new ECDSAVerifier(aEcPub);
    verifier.getJCAContext().setProvider(BC);
    if (!inner.verify(verifier)) {
      throw new IllegalStateException("raw INTL verification failed");
    }
    return inner.getPayload().toBytes();
  }
}
