package io.github.govdx.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.test.FixedSecureRandom;
import org.junit.jupiter.api.Test;

/**
 * Official test vectors: SM3 (GB/T 32905-2016 Appendix A), SM4 (GB/T 32907-2016 Appendix A), SM4-GCM
 * (RFC 8998 Appendix A.1), SM2 signature (GB/T 32918.5-2017 / GM/T 0003.5 Annex A) and SM2 encryption
 * (Annex C), values as in ../shared/reference/STANDARDS.md §5.4.
 */
class GmVectorsTest {

  private static final BigInteger D =
      new BigInteger("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8", 16);
  private static final String PX =
      "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020";
  private static final String PY =
      "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
  private static final String K =
      "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";

  private static byte[] h(String hex) {
    return Hex.decode(hex.replace(" ", ""));
  }

  private static ECPrivateKeyParameters priv() {
    return new ECPrivateKeyParameters(D, Sm2.DOMAIN);
  }

  private static ECPublicKeyParameters pub() {
    ECPoint q = Sm2.DOMAIN.getCurve().createPoint(new BigInteger(PX, 16), new BigInteger(PY, 16));
    return new ECPublicKeyParameters(q, Sm2.DOMAIN);
  }

  private static FixedSecureRandom fixedK() {
    return new FixedSecureRandom(
        new FixedSecureRandom.Source[] {new FixedSecureRandom.BigInteger(K)});
  }

  @Test
  void sm3_abcAndSixtyFourBytes_matchGbt32905() {
    assertThat(Hex.encode(Hex.sm3("abc".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    assertThat(Hex.encode(Hex.sm3("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  }

  @Test
  void sm4_oneBlockAndMillionIterations_matchGbt32907() {
    byte[] key = h("0123456789abcdeffedcba9876543210");
    SM4Engine e = new SM4Engine();
    e.init(true, new KeyParameter(key));
    byte[] block = key.clone();
    e.processBlock(block, 0, block, 0);
    assertThat(Hex.encode(block)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    block = key.clone();
    for (int i = 0; i < 1_000_000; i++) {
      e.processBlock(block, 0, block, 0);
    }
    assertThat(Hex.encode(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
  }

  @Test
  void sm4Gcm_rfc8998A1_ciphertextAndTag() throws InvalidCipherTextException {
    byte[] key = h("0123456789ABCDEFFEDCBA9876543210");
    byte[] iv = h("00001234567800000000ABCD");
    byte[] aad = h("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
    byte[] pt =
        h(
            "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
    byte[] out = Sm4Gcm.encrypt(key, iv, aad, pt);
    assertThat(Hex.encode(Arrays.copyOf(out, 64)))
        .isEqualToIgnoringCase(
            "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
                + "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D");
    assertThat(Hex.encode(Arrays.copyOfRange(out, 64, 80)))
        .isEqualToIgnoringCase("83DE3541E4C2B58177E065A9BF7B62EC");
    assertThat(Sm4Gcm.decrypt(key, iv, aad, out)).isEqualTo(pt);
    out[5] ^= 1;
    byte[] tampered = out;
    assertThatThrownBy(() -> Sm4Gcm.decrypt(key, iv, aad, tampered))
        .isInstanceOf(InvalidCipherTextException.class);
  }

  @Test
  void sm2Sign_annexA_zeRS() {
    assertThat(Sm2.DOMAIN.getG().multiply(D).normalize()).isEqualTo(pub().getQ().normalize());
    // Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA), GB/T 32918.2 §5.5
    SM3Digest d = new SM3Digest();
    byte[] entl = {0x00, (byte) 0x80};
    d.update(entl, 0, 2);
    d.update(Sm2.USER_ID, 0, Sm2.USER_ID.length);
    for (BigInteger v :
        new BigInteger[] {
          Sm2.DOMAIN.getCurve().getA().toBigInteger(),
          Sm2.DOMAIN.getCurve().getB().toBigInteger(),
          Sm2.DOMAIN.getG().getAffineXCoord().toBigInteger(),
          Sm2.DOMAIN.getG().getAffineYCoord().toBigInteger(),
          new BigInteger(PX, 16),
          new BigInteger(PY, 16)
        }) {
      byte[] b = BigIntegers.asUnsignedByteArray(32, v);
      d.update(b, 0, 32);
    }
    byte[] z = new byte[32];
    d.doFinal(z, 0);
    assertThat(Hex.encode(z))
        .isEqualToIgnoringCase("B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3");
    byte[] m = "message digest".getBytes(StandardCharsets.US_ASCII);
    byte[] zm = Arrays.copyOf(z, 32 + m.length);
    System.arraycopy(m, 0, zm, 32, m.length);
    assertThat(Hex.encode(Hex.sm3(zm)))
        .isEqualToIgnoringCase("F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640");

    byte[] sig = new Sm2.Signing(priv(), fixedK()).sign(m);

    assertThat(sig).hasSize(Sm2.SIGNATURE_LENGTH);
    assertThat(Hex.encode(sig))
        .isEqualToIgnoringCase(
            "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3"
                + "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA");
    assertThat(Sm2.verify(pub(), m, sig)).isTrue();
    sig[63] ^= 1;
    assertThat(Sm2.verify(pub(), m, sig)).isFalse();
    assertThat(Sm2.verify(pub(), m, Arrays.copyOf(sig, 63))).isFalse();
  }

  @Test
  void sm2Encrypt_annexC_c1c3c2AndDer() throws InvalidCipherTextException {
    String c1 =
        "04"
            + "04ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73"
            + "e858f9d81e5430a57b36daab8f950a3c64e6ee6a63094d99283aff767e124df0";
    String c3 = "59983c18f809e262923c53aec295d30383b54e39d609d160afcb1908d0bd8766";
    String c2 = "21886ca989ca9c7d58087307ca93092d651efa";
    byte[] m = "encryption standard".getBytes(StandardCharsets.US_ASCII);

    SM2Engine raw = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
    raw.init(true, new ParametersWithRandom(pub(), fixedK()));
    assertThat(Hex.encode(raw.processBlock(m, 0, m.length))).isEqualTo(c1 + c3 + c2);

    String der =
        "307c"
            + "0220"
            + "04ebfc718e8d1798620432268e77feb6415e2ede0e073c0f4f640ecd2e149a73"
            + "022100"
            + "e858f9d81e5430a57b36daab8f950a3c64e6ee6a63094d99283aff767e124df0"
            + "0420"
            + c3
            + "0413"
            + c2;
    byte[] ours = Sm2.encrypt(pub(), m, fixedK());
    assertThat(Hex.encode(ours)).isEqualTo(der);
    assertThat(Sm2.decrypt(priv(), ours)).isEqualTo(m);
    assertThat(Hex.encode(Sm2.derToRaw(ours))).isEqualTo(c1 + c3 + c2);
  }

  @Test
  void sm2Decrypt_nonStrictDer_rejected() {
    byte[] der = Sm2.encrypt(pub(), "x".getBytes(StandardCharsets.US_ASCII));
    // BER long-form length where DER needs the short form
    byte[] ber = new byte[der.length + 1];
    ber[0] = 0x30;
    ber[1] = (byte) 0x81;
    System.arraycopy(der, 1, ber, 2, der.length - 1);
    assertThatThrownBy(() -> Sm2.decrypt(priv(), ber))
        .isInstanceOf(InvalidCipherTextException.class);
    byte[] tampered = der.clone();
    tampered[tampered.length - 1] ^= 1;
    assertThatThrownBy(() -> Sm2.decrypt(priv(), tampered))
        .isInstanceOf(InvalidCipherTextException.class);
    assertThatThrownBy(() -> Sm2.decrypt(priv(), new byte[] {0x30, 0x00}))
        .isInstanceOf(InvalidCipherTextException.class);
  }
}
