package io.github.govdx.client;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * A file sealed as a sealed stream ({@code docs/envelope.md}, "Sealed streams") by a real {@link EnvelopeCodec} of a
 * {@link TestPki}, held in memory (tests use a few MiB), with the digests a file transfer declares: for tests of the
 * provider side of file transfers.
 *
 * @param headers the stream's routing headers
 * @param plaintext the file
 * @param sealed the sealed stream
 */
public record SealedFile(RoutingHeaders headers, byte[] plaintext, byte[] sealed) {

  /**
   * Seals random bytes from a sender to a receiver.
   *
   * @param pki the test PKI (holds both parties)
   * @param sender the sender
   * @param receiver the receiver
   * @param resourceCode the resource
   * @param length plaintext bytes
   * @param seed the random seed of the content
   * @return the sealed file
   */
  public static SealedFile random(
      TestPki pki, PartyId sender, PartyId receiver, String resourceCode, int length, long seed) {
    byte[] plain = new byte[length];
    new Random(seed).nextBytes(plain);
    return of(pki, sender, receiver, resourceCode, plain);
  }

  /**
   * Seals bytes from a sender to a receiver (action {@code transfer}).
   *
   * @param pki the test PKI
   * @param sender the sender
   * @param receiver the receiver
   * @param resourceCode the resource
   * @param plain the file
   * @return the sealed file
   */
  public static SealedFile of(
      TestPki pki, PartyId sender, PartyId receiver, String resourceCode, byte[] plain) {
    EnvelopeCodec codec =
        EnvelopeCodec.builder()
            .credentials(pki.credentials(sender))
            .trustStore(pki.trust)
            .directory(pki.directory)
            .build();
    RoutingHeaders h =
        RoutingHeaders.builder()
            .messageId(UUID.randomUUID().toString())
            .issuedAt(Instant.now())
            .sender(sender)
            .receiver(receiver)
            .resourceCode(resourceCode)
            .action("transfer")
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec.sealStream(h, new ByteArrayInputStream(plain), out, 64 * 1024);
    return new SealedFile(h, plain, out.toByteArray());
  }

  /** @return the SHA-256 of the sealed stream, lowercase hex */
  public String sha256() {
    return HexFormat.of().formatHex(sha256(sealed));
  }

  /**
   * The suite's digest of the sealed stream (what a receipt covers).
   *
   * @param suite the suite
   * @return lowercase hex
   */
  public String suiteDigest(Suite suite) {
    Digest d = suite == Suite.GM ? new SM3Digest() : new SHA256Digest();
    d.update(sealed, 0, sealed.length);
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return HexFormat.of().formatHex(out);
  }

  /**
   * Bytes of part {@code n} (from 1).
   *
   * @param n the part number
   * @param partSize the part size
   * @return the bytes
   */
  public byte[] part(int n, int partSize) {
    int from = (n - 1) * partSize;
    int to = Math.min(sealed.length, from + partSize);
    return java.util.Arrays.copyOfRange(sealed, from, to);
  }

  /**
   * The number of parts.
   *
   * @param partSize the part size
   * @return the count
   */
  public int partCount(int partSize) {
    return (sealed.length + partSize - 1) / partSize;
  }

  /**
   * An RFC 9530 {@code Content-Digest} header value over bytes.
   *
   * @param body the bytes
   * @return {@code sha-256=:<base64>:}
   */
  public static String contentDigest(byte[] body) {
    return "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
