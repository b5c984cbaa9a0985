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
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
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
 * the same suite (GM: Bouncy Castle SM2 sign with a reused signer, SM2 encryption of a 16-byte CEK,
 * SM4-GCM, then SM2 decryption, SM4-GCM decryption and SM2 verification; INTL: plain Nimbus compact JWS ES256
 * inside a compact JWE ECDH-ES+A256KW/A256GCM, then decrypt and verify). govdx additionally does JSON
 * envelope parsing with limits, header allow-lists, routing-header binding, chain validation (cached),
 * freshness and a replay-cache insert.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeBenchmark {

  private static final PartyId A = PartyId.parse("11320500014160478L");
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
    X509Certificate caCert = Certificates.selfSignedCa("bench CA", ca, now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(30)));
    KeyPair a = KeyPairs.generate(s);
    KeyPair b = KeyPairs.generate(s);
    PartyCredentials ca1 = PartyCredentials.builder().partyId(A).privateKey(a.getPrivate()).certificateChain(List.of(
        Certificates.issue(A, a.getPublic(), caCert, ca.getPrivate(), now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(30))))).build();
    PartyCredentials cb = PartyCredentials.builder().partyId(B).privateKey(b.getPrivate()).certificateChain(List.of(
        Certificates.issue(B, b.getPublic(), caCert, ca.getPrivate(), now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(30))))).build();
    TrustStore trust = TrustStore.of(caCert);
    // a short skew keeps the default in-memory replay cache small: ids expire after 10 s
    sender = EnvelopeCodec.builder().credentials(ca1).trustStore(trust).build();
    receiver = EnvelopeCodec.builder().credentials(cb).trustStore(trust).clockSkew(Duration.ofSeconds(10)).build();
    headers = RoutingHeaders.builder().sender(A).receiver(B).resourceCode("R-0001").action("query");
    this.bCert = cb.certificate();

    if (s == Suite.GM) {
      X9ECParameters x9 = GMNamedCurves.getByName("sm2p256v1");
      domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
      ECPrivateKeyParameters aPriv = new ECPrivateKeyParameters(((ECPrivateKey) a.getPrivate()).getS(), domain);
      bPriv = new ECPrivateKeyParameters(((ECPrivateKey) b.getPrivate()).getS(), domain);
      aPub = new ECPublicKeyParameters(domain.getG().multiply(aPriv.getD()).normalize(), domain);
      bPub = new ECPublicKeyParameters(domain.getG().multiply(bPriv.getD()).normalize(), domain);
      rawSigner = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
      rawSigner.init(true, new ParametersWithID(new ParametersWithRandom(aPriv, random), ID));
    } else {
      esSigner = new ECDSASigner((ECPrivateKey) ca1.privateKey());
      ecdhDecrypter = new ECDHDecrypter((ECPrivateKey) cb.privateKey());
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

  /** The raw primitive chain of the suite. */
  @Benchmark
  public byte[] rawSealOpen() throws Exception {
    return "GM".equals(suite) ? rawGm() : rawIntl();
  }

  private byte[] rawGm() throws Exception {
    // seal
    rawSigner.update(payload, 0, payload.length);
    byte[] sig = rawSigner.generateSignature();
    byte[] cek = new byte[16];
    byte[] iv = new byte[12];
    random.nextBytes(cek);
    random.nextBytes(iv);
    SM2Engine enc = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
    enc.init(true, new ParametersWithRandom(bPub, random));
    byte[] ek = enc.processBlock(cek, 0, cek.length);
    byte[] plain = new byte[payload.length + sig.length];
    System.arraycopy(payload, 0, plain, 0, payload.length);
    System.arraycopy(sig, 0, plain, payload.length, sig.length);
    byte[] ct = gcm(true, cek, iv, plain);
    // open
    SM2Engine dec = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
    dec.init(false, bPriv);
    byte[] cek2 = dec.processBlock(ek, 0, ek.length);
    byte[] pt = gcm(false, cek2, iv, ct);
    SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE, new SM3Digest());
    verifier.init(false, new ParametersWithID(aPub, ID));
    verifier.update(pt, 0, pt.length - 64);
    if (!verifier.verifySignature(java.util.Arrays.copyOfRange(pt, pt.length - 64, pt.length))) {
      throw new IllegalStateException("raw GM verification failed");
    }
    return pt;
  }

  private static byte[] gcm(boolean encrypt, byte[] key, byte[] iv, byte[] in) throws Exception {
    GCMModeCipher c = GCMBlockCipher.newInstance(new SM4Engine());
    c.init(encrypt, new AEADParameters(new KeyParameter(key), 128, iv, new byte[0]));
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
    JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES_A256KW, EncryptionMethod.A256GCM)
        .contentType("JWT").build(), new Payload(jws.serialize()));
    jwe.encrypt(new ECDHEncrypter(bEcPub));
    String wire = jwe.serialize();
    JWEObject in = JWEObject.parse(wire);
    in.decrypt(ecdhDecrypter);
    JWSObject inner = JWSObject.parse(in.getPayload().toString());
    if (!inner.verify(new ECDSAVerifier(aEcPub))) {
      throw new IllegalStateException("raw INTL verification failed");
    }
    return inner.getPayload().toBytes();
  }
}
