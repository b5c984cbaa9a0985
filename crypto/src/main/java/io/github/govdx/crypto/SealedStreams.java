package io.github.govdx.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import io.github.govdx.crypto.internal.Bc;
import io.github.govdx.crypto.internal.Es256;
import io.github.govdx.crypto.internal.Hex;
import io.github.govdx.crypto.internal.KeyConversions;
import io.github.govdx.crypto.internal.Sm2;
import io.github.govdx.crypto.internal.Sm4Gcm;
import io.github.govdx.crypto.internal.StrictJson;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The sealed stream format for large bodies (DESIGN section 10; specified in docs/envelope.md, "Sealed streams").
 * All integers big-endian.
 *
 * <pre>
 * "GDXS" 0x01                          magic and version
 * u32 H, H bytes                       header: a sealed envelope (every envelope check applies) whose payload is
 *                                      {"typ":"gdx-stream","sid":…,"enc":…,"cek":…,"np":…,"cs":…}
 * frames:  u8 type, u32 L, L bytes     type 0x00 chunk, 0x01 final chunk (exactly one, last), 0x02 trailer
 *   chunk i (i = 0, 1, …): AEAD (SM4-GCM for GM, A256GCM for INTL) under cek,
 *     nonce = np (4 bytes) ‖ u64 i,  AAD = "GDXS1" ‖ sid (16 bytes) ‖ u64 i ‖ u8 type
 *   trailer: the sender's signature (r ‖ s, 64 bytes) over
 *     "GDXS1-trailer" ‖ sid ‖ u64 chunks ‖ u64 plaintext length ‖ digest of the plaintext (SM3 / SHA-256)
 * end of input (nothing may follow the trailer)
 * </pre>
 *
 * Truncation (no final chunk or no trailer), reordering and duplication (the index is in the AAD), splicing from
 * another stream (another key and stream id), moving the final flag (the type is in the AAD), bytes after the end,
 * and a signature over other plaintext are all refused, each with its code. Memory is two chunks, whatever the
 * stream's size.
 */
final class SealedStreams {

  static final int DEFAULT_CHUNK = 1 << 20;
  static final int MAX_CHUNK = 16 << 20;
  private static final byte[] MAGIC = {'G', 'D', 'X', 'S', 1};
  private static final byte[] AAD_PREFIX = "GDXS1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRAILER_PREFIX = "GDXS1-trailer".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_HEADER = 1 << 20;
  private static final int TAG = 16;
  private static final byte CHUNK = 0;
  private static final byte FINAL = 1;
  private static final byte TRAILER = 2;
  private static final String TYPE = "gdx-stream";

  private SealedStreams() {}

  /** A running digest of the plaintext in the suite's hash. */
  private static final class Digest {
    private final SM3Digest sm3;
    private final MessageDigest sha256;

    Digest(Suite suite) {
      if (suite == Suite.GM) {
        sm3 = new SM3Digest();
        sha256 = null;
      } else {
        sm3 = null;
        try {
          sha256 = MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException(e);
        }
      }
    }

    void update(byte[] b, int off, int len) {
      if (sm3 != null) {
        sm3.update(b, off, len);
      } else {
        sha256.update(b, off, len);
      }
    }

    byte[] finish() {
      if (sm3 != null) {
        byte[] out = new byte[32];
        sm3.doFinal(out, 0);
        return out;
      }
      return sha256.digest();
    }
  }

  static long seal(
      EnvelopeCodec codec, RoutingHeaders headers, InputStream in, OutputStream out, int chunkSize)
      throws IOException {
    Suite suite = codec.suite();
    byte[] cek = new byte[suite == Suite.GM ? Sm4Gcm.KEY_LENGTH : 32];
    byte[] sid = new byte[16];
    byte[] np = new byte[4];
    Bc.random().nextBytes(cek);
    Bc.random().nextBytes(sid);
    Bc.random().nextBytes(np);
    try {
      ObjectNode p = StrictJson.mapper().createObjectNode();
      p.put("typ", TYPE);
      p.put("sid", Base64URL.encode(sid).toString());
      p.put("enc", suite == Suite.GM ? "SM4-GCM" : "A256GCM");
      p.put("cek", Base64URL.encode(cek).toString());
      p.put("np", Base64URL.encode(np).toString());
      p.put("cs", chunkSize);
      byte[] header = codec.seal(headers, p.toString().getBytes(StandardCharsets.UTF_8)).toBytes();
      out.write(MAGIC);
      writeInt(out, header.length);
      out.write(header);
      Digest digest = new Digest(suite);
      long index = 0;
      long total = 0;
      ExecutorService pool = pool();
      ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
      try {
        byte[] current = new byte[chunkSize];
        int n = in.readNBytes(current, 0, chunkSize);
        while (true) {
          byte[] next = new byte[chunkSize];
          int m = n == chunkSize ? in.readNBytes(next, 0, chunkSize) : 0;
          boolean last = m == 0;
          digest.update(current, 0, n);
          total += n;
          byte type = last ? FINAL : CHUNK;
          byte[] plain = n == chunkSize ? current : Arrays.copyOf(current, n);
          long i = index++;
          inFlight.add(
              pool.submit(() -> frame(type, aead(true, suite, cek, np, sid, i, type, plain))));
          while (inFlight.size() > WINDOW) {
            out.write(take(inFlight.poll()));
          }
          if (last) {
            break;
          }
          current = next;
          n = m;
        }
        while (!inFlight.isEmpty()) {
          out.write(take(inFlight.poll()));
        }
      } finally {
        pool.shutdownNow();
      }
      byte[] signature =
          codec.credentials().keyHolder().sign(trailerInput(sid, index, total, digest.finish()));
      out.write(TRAILER);
      writeInt(out, signature.length);
      out.write(signature);
      out.flush();
      return total;
    } finally {
      Arrays.fill(cek, (byte) 0);
    }
  }

  /** Chunks encrypted at once: enough to keep every core busy, few enough for constant memory. */
  private static final int THREADS =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private static final int WINDOW = THREADS + 1;

  private static ExecutorService pool() {
    return Executors.newFixedThreadPool(
        THREADS,
        r -> {
          Thread t = new Thread(r, "govdx-stream-chunk");
          t.setDaemon(true);
          return t;
        });
  }

  private static byte[] frame(byte type, byte[] body) {
    return ByteBuffer.allocate(1 + 4 + body.length).put(type).putInt(body.length).put(body).array();
  }

  private static byte[] take(Future<byte[]> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while sealing a stream");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  static OpenedStream open(EnvelopeCodec codec, InputStream raw, OutputStream out)
      throws IOException {
    DataInputStream in = new DataInputStream(raw);
    byte[] magic = new byte[MAGIC.length];
    try {
      in.readFully(magic);
    } catch (EOFException e) {
      throw malformed("not a sealed stream (too short)");
    }
    if (!Arrays.equals(magic, MAGIC)) {
      throw malformed("not a sealed stream (magic or version)");
    }
    int h = readLength(in, MAX_HEADER, "header");
    byte[] header = readFully(in, h);
    OpenedMessage opened = codec.open(header);
    JsonNode p;
    try {
      p = StrictJson.parse(opened.payload());
    } catch (IOException | RuntimeException e) {
      throw malformed("stream header payload is not JSON");
    }
    Suite suite = opened.suite();
    if (p == null
        || !TYPE.equals(p.path("typ").asText())
        || !(suite == Suite.GM ? "SM4-GCM" : "A256GCM").equals(p.path("enc").asText())
        || !p.path("cs").canConvertToInt()) {
      throw malformed("stream header payload is not a " + suite + " stream header");
    }
    byte[] sid = b64(p, "sid", 16);
    byte[] np = b64(p, "np", 4);
    byte[] cek = b64(p, "cek", suite == Suite.GM ? Sm4Gcm.KEY_LENGTH : 32);
    int chunkSize = p.path("cs").intValue();
    if (chunkSize < 1 || chunkSize > MAX_CHUNK) {
      throw malformed("chunk size out of range");
    }
    ExecutorService pool = pool();
    try {
      Digest digest = new Digest(suite);
      ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
      long index = 0;
      long[] total = {0};
      boolean finalSeen = false;
      while (true) {
        int type = in.read();
        if (type != CHUNK && type != FINAL) {
          // an earlier chunk's failure (a moved flag, a forged chunk) is the first thing wrong:
          // report it first
          drain(pending, 0, digest, out, total);
        }
        if (type < 0) {
          throw new StreamException(
              CryptoErrorCode.STREAM_TRUNCATED,
              finalSeen
                  ? "stream ends without its trailer"
                  : "stream ends after " + index + " chunk(s) without its final chunk",
              null);
        }
        if (type == TRAILER) {
          if (!finalSeen) {
            throw new StreamException(
                CryptoErrorCode.STREAM_TRUNCATED, "trailer before the final chunk", null);
          }
          drain(pending, 0, digest, out, total);
          int s = readLength(in, 1024, "trailer");
          byte[] signature = readFully(in, s);
          byte[] dig = digest.finish();
          if (!verify(
              opened.signerCertificate(),
              suite,
              trailerInput(sid, index, total[0], dig),
              signature)) {
            throw new StreamException(
                CryptoErrorCode.STREAM_SIGNATURE_INVALID,
                "the trailer signature does not cover this stream's plaintext",
                null);
          }
          if (in.read() >= 0) {
            throw new StreamException(
                CryptoErrorCode.STREAM_TRAILING_DATA, "bytes after the trailer", null);
          }
          return new OpenedStream(
              opened.headers(), opened.signerCertificate(), total[0], index, Hex.encode(dig));
        }
        if (type != CHUNK && type != FINAL) {
          throw malformed("unknown frame type " + type);
        }
        if (finalSeen) {
          drain(pending, 0, digest, out, total);
          throw new StreamException(
              CryptoErrorCode.STREAM_TRAILING_DATA, "a chunk after the final chunk", null);
        }
        int l = readLength(in, chunkSize + TAG, "chunk");
        if (l < TAG) {
          throw malformed("chunk shorter than its tag");
        }
        byte[] ct = readFully(in, l);
        long i = index++;
        byte t = (byte) type;
        // chunks decrypt in parallel; their plaintext is digested and written in order
        pending.add(pool.submit(() -> aead(false, suite, cek, np, sid, i, t, ct)));
        drain(pending, WINDOW, digest, out, total);
        finalSeen = type == FINAL;
      }
    } finally {
      pool.shutdownNow();
      Arrays.fill(cek, (byte) 0);
    }
  }

  private static void drain(
      ArrayDeque<Future<byte[]>> pending, int keep, Digest digest, OutputStream out, long[] total)
      throws IOException {
    while (pending.size() > keep) {
      byte[] plain = take(pending.poll());
      digest.update(plain, 0, plain.length);
      out.write(plain);
      total[0] += plain.length;
    }
  }

  private static byte[] aead(
      boolean encrypt,
      Suite suite,
      byte[] key,
      byte[] np,
      byte[] sid,
      long index,
      byte type,
      byte[] in) {
    byte[] nonce = ByteBuffer.allocate(12).put(np).putLong(index).array();
    byte[] aad =
        ByteBuffer.allocate(AAD_PREFIX.length + 16 + 8 + 1)
            .put(AAD_PREFIX)
            .put(sid)
            .putLong(index)
            .put(type)
            .array();
    try {
      if (suite == Suite.GM) {
        return encrypt ? Sm4Gcm.encrypt(key, nonce, aad, in) : Sm4Gcm.decrypt(key, nonce, aad, in);
      }
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG * 8, nonce));
      c.updateAAD(aad);
      return c.doFinal(in);
    } catch (InvalidCipherTextException | GeneralSecurityException e) {
      if (encrypt) {
        throw new IllegalStateException("chunk encryption failed", e);
      }
      throw new StreamException(
          CryptoErrorCode.STREAM_CHUNK_REJECTED,
          "chunk " + index + " does not authenticate (modified, moved, duplicated or spliced)",
          null);
    }
  }

  private static byte[] trailerInput(byte[] sid, long chunks, long length, byte[] digest) {
    return ByteBuffer.allocate(TRAILER_PREFIX.length + 16 + 8 + 8 + digest.length)
        .put(TRAILER_PREFIX)
        .put(sid)
        .putLong(chunks)
        .putLong(length)
        .put(digest)
        .array();
  }

  private static boolean verify(X509Certificate signer, Suite suite, byte[] input, byte[] sig) {
    if (sig.length != 64) {
      return false;
    }
    try {
      if (suite == Suite.GM) {
        return Sm2.verify(Sm2.publicParameters(signer.getPublicKey()), input, sig);
      }
      return Es256.verifier(KeyConversions.jdkPublic(signer.getPublicKey()))
          .verify(new JWSHeader(JWSAlgorithm.ES256), input, Base64URL.encode(sig));
    } catch (Exception e) {
      return false;
    }
  }

  private static byte[] b64(JsonNode p, String name, int length) {
    JsonNode v = p.get(name);
    if (v == null || !v.isTextual() || !StrictJson.isCanonicalBase64Url(v.textValue())) {
      throw malformed("stream header member '" + name + "' missing or not base64url");
    }
    byte[] b = new Base64URL(v.textValue()).decode();
    if (b.length != length) {
      throw malformed("stream header member '" + name + "' has the wrong length");
    }
    return b;
  }

  private static int readLength(DataInputStream in, int max, String what) throws IOException {
    int l;
    try {
      l = in.readInt();
    } catch (EOFException e) {
      throw new StreamException(CryptoErrorCode.STREAM_TRUNCATED, "stream ends in a " + what, null);
    }
    if (l < 0 || l > max) {
      throw malformed(what + " length " + Integer.toUnsignedString(l) + " out of range");
    }
    return l;
  }

  private static byte[] readFully(DataInputStream in, int n) throws IOException {
    byte[] b = new byte[n];
    try {
      in.readFully(b);
    } catch (EOFException e) {
      throw new StreamException(CryptoErrorCode.STREAM_TRUNCATED, "stream ends mid-frame", null);
    }
    return b;
  }

  private static void writeInt(OutputStream out, int v) throws IOException {
    out.write(ByteBuffer.allocate(4).putInt(v).array());
  }

  private static StreamException malformed(String detail) {
    return new StreamException(CryptoErrorCode.STREAM_MALFORMED, detail, null);
  }

  static UncheckedIOException io(IOException e) {
    return new UncheckedIOException(e);
  }
}
