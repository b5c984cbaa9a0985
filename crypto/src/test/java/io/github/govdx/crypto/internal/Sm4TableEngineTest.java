package io.github.govdx.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** The table-driven SM4 engine against GB/T 32907-2016's vectors and Bouncy Castle's engine. */
class Sm4TableEngineTest {

  private static final HexFormat HEX = HexFormat.of();

  /** GB/T 32907-2016 Appendix A, example 1: key = plaintext = 0123456789abcdeffedcba9876543210. */
  @Test
  void standardVector_oneEncryption_andDecryption() {
    byte[] k = HEX.parseHex("0123456789abcdeffedcba9876543210");
    Sm4TableEngine e = new Sm4TableEngine();
    e.init(true, new KeyParameter(k));
    byte[] c = new byte[16];
    e.processBlock(k, 0, c, 0);
    assertThat(HEX.formatHex(c)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    Sm4TableEngine d = new Sm4TableEngine();
    d.init(false, new KeyParameter(k));
    byte[] p = new byte[16];
    d.processBlock(c, 0, p, 0);
    assertThat(p).isEqualTo(k);
  }

  /** Appendix A, example 2: the same block encrypted 1,000,000 times under the same key. */
  @Test
  void standardVector_millionIterations() {
    byte[] k = HEX.parseHex("0123456789abcdeffedcba9876543210");
    Sm4TableEngine e = new Sm4TableEngine();
    e.init(true, new KeyParameter(k));
    byte[] b = k.clone();
    for (int i = 0; i < 1_000_000; i++) {
      e.processBlock(b, 0, b, 0);
    }
    assertThat(HEX.formatHex(b)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
  }

  @Test
  void sbox_isAPermutation() {
    Set<Integer> seen = new HashSet<>();
    for (int a = 0; a < 256; a++) {
      seen.add(Sm4TableEngine.sbox(a));
    }
    assertThat(seen).hasSize(256);
  }

  @Test
  void agreesWithBouncyCastle_onRandomKeysAndBlocks_bothDirections() {
    Random r = new Random(32907);
    for (int n = 0; n < 2_000; n++) {
      byte[] key = new byte[16];
      byte[] block = new byte[16];
      r.nextBytes(key);
      r.nextBytes(block);
      for (boolean enc : new boolean[] {true, false}) {
        assertThat(run(new Sm4TableEngine(), enc, key, block))
            .isEqualTo(run(new SM4Engine(), enc, key, block));
      }
    }
  }

  @Test
  void gcm_withThisEngine_equalsGcmWithBouncyCastlesEngine() throws Exception {
    Random r = new Random(8998);
    for (int len : new int[] {0, 1, 15, 16, 17, 1000, 65_536 + 3}) {
      byte[] key = new byte[16];
      byte[] iv = new byte[12];
      byte[] aad = new byte[21];
      byte[] msg = new byte[len];
      r.nextBytes(key);
      r.nextBytes(iv);
      r.nextBytes(aad);
      r.nextBytes(msg);
      assertThat(gcm(new Sm4TableEngine(), key, iv, aad, msg))
          .isEqualTo(gcm(new SM4Engine(), key, iv, aad, msg));
    }
  }

  @Test
  void misuse_isRefused() {
    Sm4TableEngine e = new Sm4TableEngine();
    assertThatThrownBy(() -> e.processBlock(new byte[16], 0, new byte[16], 0))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> e.init(true, new KeyParameter(new byte[15])))
        .isInstanceOf(IllegalArgumentException.class);
    e.init(true, new KeyParameter(new byte[16]));
    assertThatThrownBy(() -> e.processBlock(new byte[15], 0, new byte[16], 0))
        .isInstanceOf(org.bouncycastle.crypto.DataLengthException.class);
  }

  private static byte[] run(BlockCipher c, boolean enc, byte[] key, byte[] block) {
    c.init(enc, new KeyParameter(key));
    byte[] out = new byte[16];
    c.processBlock(block, 0, out, 0);
    return out;
  }

  private static byte[] gcm(BlockCipher c, byte[] key, byte[] iv, byte[] aad, byte[] msg)
      throws Exception {
    GCMModeCipher g = GCMBlockCipher.newInstance(c);
    g.init(true, new AEADParameters(new KeyParameter(key), 128, iv, aad));
    byte[] out = new byte[g.getOutputSize(msg.length)];
    int n = g.processBytes(msg, 0, msg.length, out, 0);
    g.doFinal(out, n);
    return out;
  }
}
