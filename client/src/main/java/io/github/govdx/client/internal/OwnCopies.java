package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.EnvelopeDigest;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.encoders.Hex;

/**
 * The outbox's copies of pushes kept for sealing again (docs/delivery.md "Own copies"): the payload under an
 * authenticated cipher of the suite (SM4-GCM for GM, AES-256-GCM for INTL) with a data key that is itself sealed
 * to ourselves as an ordinary envelope (signed, encrypted to our own encryption certificate).
 *
 * <p>Sealing a whole second envelope per push cost one more signature and one more public-key encryption on the
 * submit path; here one key envelope serves every copy made within {@link #ROTATE_AFTER} and each copy costs one
 * symmetric encryption. The key envelope travels inside each copy, so any instance holding the party's private key
 * (and only such an instance) opens any copy after a restart; opened data keys are cached by the digest of their
 * envelope. The associated data covers the whole header, key envelope included, so a copy cannot be moved to
 * another message id, resource or key.
 *
 * <p>Format: {@code "GDXO1"}, u32 length + key envelope, u16 length + header JSON ({@code mid}, {@code iat},
 * {@code snd}, {@code res}, {@code act}), 12-byte nonce, ciphertext with its 16-byte tag; all lengths big-endian.
 * Thread-safe.
 */
final class OwnCopies {

  /** A new data key (and key envelope) is made when the current one is older than this. */
  static final Duration ROTATE_AFTER = Duration.ofMinutes(30);

  private static final byte[] MAGIC = "GDXO1".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_KEY_ENVELOPE = 64 * 1024;
  private static final int MAX_HEADER = 4 * 1024;
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final int CACHED_KEYS = 64;

  /** Seals a data key to ourselves; returns the envelope bytes. */
  interface KeySealer {
    byte[] sealKey(String messageId, Instant issuedAt, byte[] key);
  }

  private final Suite suite;
  private final Clock clock;
  private final KeySealer sealer;
  private final Function<byte[], byte[]> keyOpener;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, byte[]> opened =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > CACHED_KEYS;
        }
      };

  private Current current;

  private record Current(byte[] key, byte[] envelope, Instant madeAt) {}

  /** An opened copy: its routing (receiver = sender = us) and payload. */
  record Opened(Routing routing, byte[] payload) {}

  /**
   * @param suite the suite whose cipher and digest are used
   * @param clock when keys rotate
   * @param sealer seals a data key to ourselves
   * @param keyOpener opens a key envelope (every check but replay) and returns the data key
   */
  OwnCopies(Suite suite, Clock clock, KeySealer sealer, Function<byte[], byte[]> keyOpener) {
    this.suite = Objects.requireNonNull(suite, "suite == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.sealer = Objects.requireNonNull(sealer, "sealer == null");
    this.keyOpener = Objects.requireNonNull(keyOpener, "keyOpener == null");
  }

  /** @return whether these bytes are in this format (older copies are whole envelopes) */
  static boolean isOwnCopy(byte[] bytes) {
    return bytes.length > MAGIC.length
        && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  /**
   * Makes a copy.
   *
   * @param routing the push's routing, sender and receiver both us
   * @param payload the payload
   * @return the copy and its digest
   */
  SealedMessage seal(Routing routing, byte[] payload) {
    Current c = current();
    ObjectNode h = Json.object();
    h.put("mid", routing.messageId());
    h.put("iat", routing.issuedAt().toString());
    h.put("snd", routing.sender().toString());
    h.put("res", routing.resourceCode());
    h.put("act", routing.action());
    byte[] header = Json.bytes(h);
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(
            MAGIC.length + 6 + c.envelope.length + header.length + NONCE + payload.length + 16);
    out.writeBytes(MAGIC);
    out.writeBytes(ByteBuffer.allocate(4).putInt(c.envelope.length).array());
    out.writeBytes(c.envelope);
    out.writeBytes(ByteBuffer.allocate(2).putShort((short) header.length).array());
    out.writeBytes(header);
    byte[] aad = out.toByteArray();
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    out.writeBytes(nonce);
    out.writeBytes(crypt(true, c.key, nonce, aad, payload));
    byte[] bytes = out.toByteArray();
    return new SealedMessage(routing, bytes, digest(bytes));
  }

  /**
   * Opens a copy.
   *
   * @param bytes the copy
   * @return its routing and payload
   * @throws IllegalArgumentException if it is malformed or does not authenticate
   * @throws io.github.govdx.core.GovdxException if its key envelope does not open
   */
  Opened open(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    if (!isOwnCopy(bytes)) {
      throw new IllegalArgumentException("not an outbox copy");
    }
    b.position(MAGIC.length);
    int keyLength = readLength(b, 4, MAX_KEY_ENVELOPE);
    byte[] keyEnvelope = new byte[keyLength];
    b.get(keyEnvelope);
    int headerLength = readLength(b, 2, MAX_HEADER);
    byte[] header = new byte[headerLength];
    b.get(header);
    int aadLength = b.position();
    if (b.remaining() < NONCE + TAG_BITS / 8) {
      throw new IllegalArgumentException("outbox copy truncated");
    }
    byte[] nonce = new byte[NONCE];
    b.get(nonce);
    byte[] ciphertext = new byte[b.remaining()];
    b.get(ciphertext);
    byte[] key = dataKey(keyEnvelope);
    byte[] payload = crypt(false, key, nonce, Arrays.copyOf(bytes, aadLength), ciphertext);
    JsonNode h;
    try {
      h = Json.parseObject(header);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("outbox copy header is not JSON");
    }
    try {
      PartyId sender = PartyId.parse(Json.member(h, "snd", String.class));
      Routing r =
          new Routing(
              Json.member(h, "mid", String.class),
              Instant.parse(Json.member(h, "iat", String.class)),
              sender,
              sender,
              Json.member(h, "res", String.class),
              Json.member(h, "act", String.class),
              null);
      return new Opened(r, payload);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("outbox copy header is incomplete: " + e.getMessage());
    }
  }

  private static int readLength(ByteBuffer b, int size, int max) {
    if (b.remaining() < size) {
      throw new IllegalArgumentException("outbox copy truncated");
    }
    int n = size == 4 ? b.getInt() : Short.toUnsignedInt(b.getShort());
    if (n <= 0 || n > max || n > b.remaining()) {
      throw new IllegalArgumentException("outbox copy has a bad length");
    }
    return n;
  }

  private synchronized Current current() {
    Instant now = clock.instant();
    if (current == null || !now.isBefore(current.madeAt.plus(ROTATE_AFTER))) {
      byte[] key = new byte[suite == Suite.GM ? 16 : 32];
      random.nextBytes(key);
      byte[] envelope = sealer.sealKey(UUID.randomUUID().toString(), now, key);
      current = new Current(key, envelope, now);
      opened.put(digest(envelope).hex(), key);
    }
    return current;
  }

  private byte[] dataKey(byte[] keyEnvelope) {
    String id = digest(keyEnvelope).hex();
    synchronized (this) {
      byte[] k = opened.get(id);
      if (k != null) {
        return k;
      }
    }
    byte[] k = keyOpener.apply(keyEnvelope);
    if (k.length != (suite == Suite.GM ? 16 : 32)) {
      throw new IllegalArgumentException("outbox copy key has the wrong length");
    }
    synchronized (this) {
      opened.put(id, k);
    }
    return k;
  }

  private byte[] crypt(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] in) {
    BlockCipher engine = suite == Suite.GM ? new SM4Engine() : AESEngine.newInstance();
    GCMModeCipher gcm = GCMBlockCipher.newInstance(engine);
    gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, aad));
    byte[] out = new byte[gcm.getOutputSize(in.length)];
    int n = gcm.processBytes(in, 0, in.length, out, 0);
    try {
      n += gcm.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new IllegalArgumentException(
          "outbox copy does not authenticate (tampered or another key)");
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  /** @return the suite's digest (SM3 or SHA-256) of a copy */
  EnvelopeDigest digest(byte[] bytes) {
    Digest d = suite == Suite.GM ? new SM3Digest() : new SHA256Digest();
    d.update(bytes, 0, bytes.length);
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    String hex = Hex.toHexString(out);
    return suite == Suite.GM ? EnvelopeDigest.sm3(hex) : EnvelopeDigest.sha256(hex);
  }
}
