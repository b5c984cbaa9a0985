package io.github.govdx.crypto.internal;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 (GB/T 32907-2016) with the round function's S-box and linear transform folded into one precomputed table of
 * 256 words, written from the standard: {@code T(x) = L(τ(x))} with {@code τ} the byte-wise S-box and {@code L(B) = B
 * ⊕ (B <<< 2) ⊕ (B <<< 10) ⊕ (B <<< 18) ⊕ (B <<< 24)}; since {@code L} is linear over the four bytes, {@code T(x) =
 * TAB[x0] ⊕ (TAB[x1] >>> 8) ⊕ (TAB[x2] >>> 16) ⊕ (TAB[x3] >>> 24)} with {@code TAB[a] = L(S(a) << 24)}. One table
 * (1 KiB, sixteen cache lines) instead of four keeps the cache footprint small; see docs/security.md for the timing
 * trade-off of table lookups. Checked against the standard's vectors and against Bouncy Castle's {@code SM4Engine}.
 *
 * <p>Used by the sealed streams' SM4-GCM, where throughput matters. Not thread-safe (one instance per cipher).
 */
public final class Sm4TableEngine implements BlockCipher {

  private static final int BLOCK = 16;

  /** The S-box of GB/T 32907-2016, section 6.2, row by row. */
  private static final int[] SBOX = {
    0xd6, 0x90, 0xe9, 0xfe, 0xcc, 0xe1, 0x3d, 0xb7, 0x16, 0xb6, 0x14, 0xc2, 0x28, 0xfb, 0x2c, 0x05,
    0x2b, 0x67, 0x9a, 0x76, 0x2a, 0xbe, 0x04, 0xc3, 0xaa, 0x44, 0x13, 0x26, 0x49, 0x86, 0x06, 0x99,
    0x9c, 0x42, 0x50, 0xf4, 0x91, 0xef, 0x98, 0x7a, 0x33, 0x54, 0x0b, 0x43, 0xed, 0xcf, 0xac, 0x62,
    0xe4, 0xb3, 0x1c, 0xa9, 0xc9, 0x08, 0xe8, 0x95, 0x80, 0xdf, 0x94, 0xfa, 0x75, 0x8f, 0x3f, 0xa6,
    0x47, 0x07, 0xa7, 0xfc, 0xf3, 0x73, 0x17, 0xba, 0x83, 0x59, 0x3c, 0x19, 0xe6, 0x85, 0x4f, 0xa8,
    0x68, 0x6b, 0x81, 0xb2, 0x71, 0x64, 0xda, 0x8b, 0xf8, 0xeb, 0x0f, 0x4b, 0x70, 0x56, 0x9d, 0x35,
    0x1e, 0x24, 0x0e, 0x5e, 0x63, 0x58, 0xd1, 0xa2, 0x25, 0x22, 0x7c, 0x3b, 0x01, 0x21, 0x78, 0x87,
    0xd4, 0x00, 0x46, 0x57, 0x9f, 0xd3, 0x27, 0x52, 0x4c, 0x36, 0x02, 0xe7, 0xa0, 0xc4, 0xc8, 0x9e,
    0xea, 0xbf, 0x8a, 0xd2, 0x40, 0xc7, 0x38, 0xb5, 0xa3, 0xf7, 0xf2, 0xce, 0xf9, 0x61, 0x15, 0xa1,
    0xe0, 0xae, 0x5d, 0xa4, 0x9b, 0x34, 0x1a, 0x55, 0xad, 0x93, 0x32, 0x30, 0xf5, 0x8c, 0xb1, 0xe3,
    0x1d, 0xf6, 0xe2, 0x2e, 0x82, 0x66, 0xca, 0x60, 0xc0, 0x29, 0x23, 0xab, 0x0d, 0x53, 0x4e, 0x6f,
    0xd5, 0xdb, 0x37, 0x45, 0xde, 0xfd, 0x8e, 0x2f, 0x03, 0xff, 0x6a, 0x72, 0x6d, 0x6c, 0x5b, 0x51,
    0x8d, 0x1b, 0xaf, 0x92, 0xbb, 0xdd, 0xbc, 0x7f, 0x11, 0xd9, 0x5c, 0x41, 0x1f, 0x10, 0x5a, 0xd8,
    0x0a, 0xc1, 0x31, 0x88, 0xa5, 0xcd, 0x7b, 0xbd, 0x2d, 0x74, 0xd0, 0x12, 0xb8, 0xe5, 0xb4, 0xb0,
    0x89, 0x69, 0x97, 0x4a, 0x0c, 0x96, 0x77, 0x7e, 0x65, 0xb9, 0xf1, 0x09, 0xc5, 0x6e, 0xc6, 0x84,
    0x18, 0xf0, 0x7d, 0xec, 0x3a, 0xdc, 0x4d, 0x20, 0x79, 0xee, 0x5f, 0x3e, 0xd7, 0xcb, 0x39, 0x48
  };

  /** The system parameter FK of the key schedule (section 7.3). */
  private static final int[] FK = {0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc};

  /** {@code TAB[a] = L(S(a) << 24)}: the round transform of a word whose top byte is {@code a}. */
  private static final int[] TAB = new int[256];

  /** The fixed parameters CK: byte j of CK[i] is (4i + j) · 7 mod 256 (section 7.3). */
  private static final int[] CK = new int[32];

  static {
    for (int a = 0; a < 256; a++) {
      int b = SBOX[a] << 24;
      TAB[a] =
          b
              ^ Integer.rotateLeft(b, 2)
              ^ Integer.rotateLeft(b, 10)
              ^ Integer.rotateLeft(b, 18)
              ^ Integer.rotateLeft(b, 24);
    }
    for (int i = 0; i < 32; i++) {
      int w = 0;
      for (int j = 0; j < 4; j++) {
        w = (w << 8) | (((4 * i + j) * 7) & 0xff);
      }
      CK[i] = w;
    }
  }

  private final int[] rk = new int[32];
  private boolean initialised;

  /**
   * The S-box, for tests.
   *
   * @param a the input byte, 0 to 255
   * @return the output byte
   */
  static int sbox(int a) {
    return SBOX[a];
  }

  @Override
  public void init(boolean forEncryption, CipherParameters params) {
    if (!(params instanceof KeyParameter) || ((KeyParameter) params).getKeyLength() != 16) {
      throw new IllegalArgumentException("SM4 needs a 128-bit KeyParameter");
    }
    byte[] key = ((KeyParameter) params).getKey();
    int k0 = word(key, 0) ^ FK[0];
    int k1 = word(key, 4) ^ FK[1];
    int k2 = word(key, 8) ^ FK[2];
    int k3 = word(key, 12) ^ FK[3];
    int[] enc = new int[32];
    for (int i = 0; i < 32; i++) {
      int x = k1 ^ k2 ^ k3 ^ CK[i];
      int t = tau(x);
      int next = k0 ^ t ^ Integer.rotateLeft(t, 13) ^ Integer.rotateLeft(t, 23);
      enc[i] = next;
      k0 = k1;
      k1 = k2;
      k2 = k3;
      k3 = next;
    }
    for (int i = 0; i < 32; i++) {
      rk[i] = forEncryption ? enc[i] : enc[31 - i];
    }
    initialised = true;
  }

  private static int tau(int x) {
    return (SBOX[x >>> 24] << 24)
        | (SBOX[(x >>> 16) & 0xff] << 16)
        | (SBOX[(x >>> 8) & 0xff] << 8)
        | SBOX[x & 0xff];
  }

  private static int t(int x) {
    return TAB[x >>> 24]
        ^ Integer.rotateRight(TAB[(x >>> 16) & 0xff], 8)
        ^ Integer.rotateRight(TAB[(x >>> 8) & 0xff], 16)
        ^ Integer.rotateRight(TAB[x & 0xff], 24);
  }

  @Override
  public String getAlgorithmName() {
    return "SM4";
  }

  @Override
  public int getBlockSize() {
    return BLOCK;
  }

  @Override
  public int processBlock(byte[] in, int inOff, byte[] out, int outOff) {
    if (!initialised) {
      throw new IllegalStateException("SM4 not initialised");
    }
    if (inOff < 0 || inOff + BLOCK > in.length) {
      throw new DataLengthException("input buffer too short");
    }
    if (outOff < 0 || outOff + BLOCK > out.length) {
      throw new DataLengthException("output buffer too short");
    }
    int x0 = word(in, inOff);
    int x1 = word(in, inOff + 4);
    int x2 = word(in, inOff + 8);
    int x3 = word(in, inOff + 12);
    int[] r = rk;
    for (int i = 0; i < 32; i += 4) {
      x0 ^= t(x1 ^ x2 ^ x3 ^ r[i]);
      x1 ^= t(x2 ^ x3 ^ x0 ^ r[i + 1]);
      x2 ^= t(x3 ^ x0 ^ x1 ^ r[i + 2]);
      x3 ^= t(x0 ^ x1 ^ x2 ^ r[i + 3]);
    }
    // the reverse transform R: (X35, X34, X33, X32)
    put(x3, out, outOff);
    put(x2, out, outOff + 4);
    put(x1, out, outOff + 8);
    put(x0, out, outOff + 12);
    return BLOCK;
  }

  @Override
  public void reset() {
    // stateless between blocks
  }

  private static int word(byte[] b, int off) {
    return ((b[off] & 0xff) << 24)
        | ((b[off + 1] & 0xff) << 16)
        | ((b[off + 2] & 0xff) << 8)
        | (b[off + 3] & 0xff);
  }

  private static void put(int w, byte[] b, int off) {
    b[off] = (byte) (w >>> 24);
    b[off + 1] = (byte) (w >>> 16);
    b[off + 2] = (byte) (w >>> 8);
    b[off + 3] = (byte) w;
  }
}
