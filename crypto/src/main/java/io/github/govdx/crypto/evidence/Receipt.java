package io.github.govdx.crypto.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeException;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.internal.Es256;
import io.github.govdx.crypto.internal.GmAlgorithms;
import io.github.govdx.crypto.internal.GmJwsVerifier;
import io.github.govdx.crypto.internal.HolderJwsSigner;
import io.github.govdx.crypto.internal.KeyConversions;
import io.github.govdx.crypto.internal.Sm2;
import io.github.govdx.crypto.internal.StrictJson;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A signed receipt (数据接收证据): the receiver's signature over the message id and the digest of the envelope
 * it received, so the sender can prove delivery (GB/T 39786-2021 §8.4 h). A flattened JWS in the receiver's
 * suite:
 *
 * <pre>
 * protected: {"alg":"SM2-SM3"|"ES256","typ":"gdx-receipt","kid":…,"x5c":[…]}
 * payload:   {"mid":…,"dig":…(hex),"dga":"SM3"|"SHA-256","snd":…,"rcv":…,"iat":…(seconds)}
 * </pre>
 *
 * <p>{@link #verify(Envelope, TrustStore, Instant)} checks the signature, the receiver's chain, that the
 * signer is the envelope's receiver, and that message id and digest match the envelope the sender sent.
 *
 * <p>Immutable and thread-safe.
 */
public final class Receipt {

  /**
   * The member of the receipt's unprotected JWS {@code header} that carries its RFC 3161 time-stamp token
   * (base64url DER) over the signature bytes: the JWS signature cannot cover it, the token covers the signature.
   */
  public static final String TIMESTAMP_MEMBER = "gdx_tst";

  /** The JOSE {@code typ} of receipts. */
  public static final String TYPE = "gdx-receipt";

  private static final int MAX_BYTES = 256 * 1024;
  private static final Set<String> HEADER = Set.of("alg", "typ", "kid", "x5c");
  private static final Set<String> BODY = Set.of("mid", "dig", "dga", "snd", "rcv", "iat");

  private final String messageId;
  private final String envelopeDigest;
  private final String digestAlgorithm;
  private final PartyId sender;
  private final PartyId receiver;
  private final Instant issuedAt;
  private final Suite suite;
  private final String[] parts;
  private final JWSHeader header;
  private final @Nullable TimestampToken timestamp;

  private Receipt(
      JsonNode body,
      Suite suite,
      String[] parts,
      JWSHeader header,
      @Nullable TimestampToken timestamp) {
    this.timestamp = timestamp;
    try {
      this.messageId = text(body, "mid");
      this.envelopeDigest = text(body, "dig");
      this.digestAlgorithm = text(body, "dga");
      this.sender = PartyId.parse(text(body, "snd"));
      this.receiver = PartyId.parse(text(body, "rcv"));
      JsonNode iat = body.get("iat");
      if (iat == null || !iat.canConvertToLong() || !iat.isIntegralNumber()) {
        throw invalid("receipt iat missing");
      }
      this.issuedAt = Instant.ofEpochSecond(iat.longValue());
    } catch (GovdxException | java.time.DateTimeException e) {
      if (e instanceof EvidenceException) {
        throw (EvidenceException) e;
      }
      throw new EvidenceException(CryptoErrorCode.RECEIPT_INVALID, "receipt body malformed", e);
    }
    if (!envelopeDigest.matches("[0-9a-f]{64}")
        || !suite.digestAlgorithm().equals(digestAlgorithm)) {
      throw invalid("receipt digest malformed");
    }
    this.suite = suite;
    this.parts = parts;
    this.header = header;
  }

  /**
   * Issues a receipt for an opened (or verified) message.
   *
   * @param receiver the receiver's credentials (the signer)
   * @param opened the message as opened
   * @param at the time of receipt
   * @return the receipt
   * @throws IllegalArgumentException if the credentials do not cover the message's receiver
   */
  public static Receipt issue(PartyCredentials receiver, OpenedMessage opened, Instant at) {
    return issue(receiver, Objects.requireNonNull(opened, "opened == null").envelope(), at);
  }

  /**
   * Issues a receipt for a received envelope.
   *
   * @param receiver the receiver's credentials (the signer)
   * @param received the envelope as received
   * @param at the time of receipt
   * @return the receipt
   * @throws IllegalArgumentException if the credentials do not cover the envelope's receiver or are of
   *     another suite
   */
  public static Receipt issue(PartyCredentials receiver, Envelope received, Instant at) {
    Objects.requireNonNull(received, "received == null");
    return issue(receiver, received.headers(), received.suite(), received.digest(), at);
  }

  /**
   * Issues a receipt for a sealed stream received whole and opened (a file transfer, {@code docs/protocol.md}
   * §15): over the stream's message id and parties, and the digest (SM3 or SHA-256, the suite's) of the sealed
   * stream's bytes exactly as received.
   *
   * @param receiver the receiver's credentials (the signer)
   * @param opened what opening the stream established
   * @param suite the stream's suite
   * @param sealedDigest the digest of the sealed stream's bytes, 64 lowercase hex
   * @param at the time of receipt
   * @return the receipt
   * @throws IllegalArgumentException if the credentials do not cover the stream's receiver or are of another
   *     suite, or the digest is malformed
   */
  public static Receipt issue(
      PartyCredentials receiver,
      io.github.govdx.crypto.OpenedStream opened,
      Suite suite,
      String sealedDigest,
      Instant at) {
    Objects.requireNonNull(opened, "opened == null");
    if (sealedDigest == null || !sealedDigest.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("sealedDigest must be 64 lowercase hex digits");
    }
    return issue(receiver, opened.headers(), suite, sealedDigest, at);
  }

  private static Receipt issue(
      PartyCredentials receiver,
      io.github.govdx.crypto.RoutingHeaders headers,
      Suite suite,
      String digest,
      Instant at) {
    Objects.requireNonNull(receiver, "receiver == null");
    Objects.requireNonNull(at, "at == null");
    if (!covers(receiver.partyId(), headers.receiver())) {
      throw new IllegalArgumentException(
          "credentials of "
              + receiver.partyId()
              + " cannot receipt a message to "
              + headers.receiver());
    }
    if (receiver.suite() != suite) {
      throw new IllegalArgumentException("receipt suite must be the envelope's suite " + suite);
    }
    ObjectNode body = StrictJson.mapper().createObjectNode();
    body.put("mid", headers.messageId());
    body.put("dig", digest);
    body.put("dga", suite.digestAlgorithm());
    body.put("snd", headers.sender().toString());
    body.put("rcv", headers.receiver().toString());
    body.put("iat", at.getEpochSecond());
    List<Base64> x5c = new ArrayList<>();
    for (X509Certificate c : receiver.certificateChain()) {
      try {
        x5c.add(Base64.encode(c.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("certificate cannot be encoded", e);
      }
    }
    JWSHeader h =
        new JWSHeader.Builder(
                receiver.suite() == Suite.GM ? GmAlgorithms.SM2_SM3 : JWSAlgorithm.ES256)
            .type(new JOSEObjectType(TYPE))
            .keyID(receiver.keyId())
            .x509CertChain(x5c)
            .build();
    JWSObject jws = new JWSObject(h, new Payload(body.toString().getBytes(StandardCharsets.UTF_8)));
    try {
      JWSSigner signer = new HolderJwsSigner(receiver.keyHolder());
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("receipt signing failed", e);
    }
    return parse(json(jws.serialize().split("\\.", -1)));
  }

  /**
   * Parses a receipt (structure only; use {@link #verify}).
   *
   * @param json the receipt bytes
   * @return the receipt
   * @throws EvidenceException {@code GDX-2501} if malformed
   */
  public static Receipt parse(byte[] json) {
    Objects.requireNonNull(json, "json == null");
    if (json.length > MAX_BYTES || StrictJson.deeperThan(json, 4)) {
      throw invalid("receipt too large or nested too deeply");
    }
    try {
      JsonNode root = StrictJson.parse(json);
      if (root == null || !root.isObject() || (root.size() != 3 && root.size() != 4)) {
        throw invalid("receipt is not a flattened JWS");
      }
      TimestampToken tst = null;
      if (root.size() == 4) {
        JsonNode unprotected = root.get("header");
        if (unprotected == null || !unprotected.isObject() || unprotected.size() != 1) {
          throw invalid("a receipt's only unprotected header is its time-stamp");
        }
        String b64 = text(unprotected, TIMESTAMP_MEMBER);
        if (!StrictJson.isCanonicalBase64Url(b64)) {
          throw invalid("receipt time-stamp is not canonical base64url");
        }
        tst = TimestampToken.parse(new Base64URL(b64).decode());
      }
      String[] parts = {text(root, "protected"), text(root, "payload"), text(root, "signature")};
      for (String p : parts) {
        if (!StrictJson.isCanonicalBase64Url(p)) {
          throw invalid("receipt member is not canonical base64url");
        }
      }
      byte[] hb = new Base64URL(parts[0]).decode();
      byte[] bb = new Base64URL(parts[1]).decode();
      if (StrictJson.deeperThan(hb, 4) || StrictJson.deeperThan(bb, 4)) {
        throw invalid("receipt nested too deeply");
      }
      JsonNode h = StrictJson.parse(hb);
      JsonNode body = StrictJson.parse(bb);
      if (h == null || !h.isObject() || body == null || !body.isObject()) {
        throw invalid("receipt header or body is not an object");
      }
      onlyNames(h, HEADER);
      onlyNames(body, BODY);
      if (!TYPE.equals(text(h, "typ"))) {
        throw invalid("receipt typ is not " + TYPE);
      }
      String alg = text(h, "alg");
      Suite suite =
          Suite.GM.jwsAlgorithm().equals(alg)
              ? Suite.GM
              : Suite.INTL.jwsAlgorithm().equals(alg) ? Suite.INTL : null;
      if (suite == null) {
        throw invalid("receipt alg not allowed");
      }
      return new Receipt(body, suite, parts, JWSHeader.parse(new Base64URL(parts[0])), tst);
    } catch (IOException | ParseException | RuntimeException e) {
      if (e instanceof EvidenceException) {
        throw (EvidenceException) e;
      }
      throw new EvidenceException(CryptoErrorCode.RECEIPT_INVALID, "receipt is not strict JSON", e);
    }
  }

  private static void onlyNames(JsonNode n, Set<String> allowed) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw invalid("receipt member '" + name + "' is not allowed");
      }
    }
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null || !v.isTextual()) {
      throw invalid("receipt member '" + name + "' missing or not a string");
    }
    return v.textValue();
  }

  private static EvidenceException invalid(String detail) {
    return new EvidenceException(CryptoErrorCode.RECEIPT_INVALID, detail, null);
  }

  private static byte[] json(String[] parts) {
    return ("{\"protected\":\""
            + parts[0]
            + "\",\"payload\":\""
            + parts[1]
            + "\",\"signature\":\""
            + parts[2]
            + "\"}")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static boolean covers(PartyId holder, PartyId party) {
    return holder.equals(party) || (holder.system().isEmpty() && holder.equals(party.department()));
  }

  /**
   * Verifies the receipt against the envelope the sender sent: signature, the receiver's chain at
   * {@code at}, signer is the envelope's receiver, message id and digest equal.
   *
   * @param sent the envelope as sent
   * @param trustStore the trust anchors for the receiver's certificate
   * @param at the instant at which the chain must be valid
   * @return the receiver's certificate
   * @throws EvidenceException {@code GDX-2501} if any check fails (the cause tells which certificate check
   *     failed, when one did)
   */
  public X509Certificate verify(Envelope sent, TrustStore trustStore, Instant at) {
    Objects.requireNonNull(sent, "sent == null");
    return verify(sent, java.util.Set.of(sent.digest()), trustStore, at);
  }

  /**
   * Verifies the receipt of a message that was sealed more than once under one message id (an outbox sealing a
   * late push again with a fresh issued-at): as {@link #verify(Envelope, TrustStore, Instant)}, but the receipted
   * digest may be that of any of the envelopes sealed for the message, since the receiver receipts the one it
   * stored first and answers later copies with that receipt.
   *
   * @param sent the envelope as last sent (message id and parties)
   * @param sentDigests the digests (lowercase hex) of every envelope sealed for this message id
   * @param trustStore the trust anchors for the receiver's certificate
   * @param at the instant at which the chain must be valid
   * @return the receiver's certificate
   * @throws EvidenceException {@code GDX-2501} if any check fails
   */
  public X509Certificate verify(
      Envelope sent, java.util.Collection<String> sentDigests, TrustStore trustStore, Instant at) {
    Objects.requireNonNull(sent, "sent == null");
    return verify(sent.headers(), sentDigests, trustStore, at);
  }

  /**
   * Verifies the receipt of a sealed stream (a file transfer, {@code docs/protocol.md} §15): as {@link
   * #verify(Envelope, TrustStore, Instant)}, against the stream's routing headers as sealed and the digest of the
   * sealed stream's bytes as sent.
   *
   * @param sent the routing headers of the stream as sealed (message id and parties)
   * @param sealedDigest the digest (lowercase hex) of the sealed stream's bytes
   * @param trustStore the trust anchors for the receiver's certificate
   * @param at the instant at which the chain must be valid
   * @return the receiver's certificate
   * @throws EvidenceException {@code GDX-2501} if any check fails
   */
  public X509Certificate verify(
      io.github.govdx.crypto.RoutingHeaders sent,
      String sealedDigest,
      TrustStore trustStore,
      Instant at) {
    Objects.requireNonNull(sealedDigest, "sealedDigest == null");
    return verify(sent, java.util.Set.of(sealedDigest), trustStore, at);
  }

  private X509Certificate verify(
      io.github.govdx.crypto.RoutingHeaders sent,
      java.util.Collection<String> sentDigests,
      TrustStore trustStore,
      Instant at) {
    Objects.requireNonNull(sent, "sent == null");
    Objects.requireNonNull(sentDigests, "sentDigests == null");
    Objects.requireNonNull(trustStore, "trustStore == null");
    Objects.requireNonNull(at, "at == null");
    boolean digestKnown = false;
    for (String d : sentDigests) {
      digestKnown |=
          MessageDigest.isEqual(
              envelopeDigest.getBytes(StandardCharsets.US_ASCII),
              d.getBytes(StandardCharsets.US_ASCII));
    }
    if (!messageId.equals(sent.messageId()) || !digestKnown) {
      throw invalid("receipt is for another message or another envelope");
    }
    if (!receiver.equals(sent.receiver()) || !sender.equals(sent.sender())) {
      throw invalid("receipt parties differ from the envelope's");
    }
    List<Base64> x5c = header.getX509CertChain();
    if (x5c == null || x5c.isEmpty() || x5c.size() > 8) {
      throw invalid("receipt x5c missing");
    }
    List<X509Certificate> chain = new ArrayList<>();
    try {
      for (Base64 b : x5c) {
        chain.add(Certificates.parse(b.decode()));
      }
    } catch (RuntimeException e) {
      throw new EvidenceException(CryptoErrorCode.RECEIPT_INVALID, "receipt x5c malformed", e);
    }
    X509Certificate leaf = chain.get(0);
    if (!Certificates.keyId(leaf).equals(header.getKeyID())
        || Certificates.suiteOf(leaf).orElse(null) != suite) {
      throw invalid("receipt kid or key type does not match x5c");
    }
    try {
      trustStore.validate(chain, at);
    } catch (EnvelopeException e) {
      throw new EvidenceException(
          CryptoErrorCode.RECEIPT_INVALID,
          "receipt signer certificate rejected (" + e.code() + ")",
          e);
    }
    if (!Certificates.allowsSigning(leaf)) {
      throw invalid("receipt signer certificate does not allow signing (GDX-2207)");
    }
    boolean ok;
    try {
      JWSVerifier v =
          suite == Suite.GM
              ? new GmJwsVerifier(Sm2.publicParameters(leaf.getPublicKey()))
              : Es256.verifier(KeyConversions.jdkPublic(leaf.getPublicKey()));
      ok =
          v.verify(
              header,
              (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
              new Base64URL(parts[2]));
    } catch (JOSEException | RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      throw invalid("receipt signature does not verify");
    }
    PartyId named = Certificates.partyOf(leaf).orElse(null);
    if (named == null || !covers(named, receiver)) {
      throw invalid("receipt signer is not the envelope's receiver");
    }
    return leaf;
  }

  /**
   * The message id receipted.
   *
   * @return the message id
   */
  public String messageId() {
    return messageId;
  }

  /**
   * The digest of the received envelope ({@link Envelope#digest()}).
   *
   * @return lowercase hex
   */
  public String envelopeDigest() {
    return envelopeDigest;
  }

  /**
   * The suite of the receipt's signature (and of the digest).
   *
   * @return the suite
   */
  public Suite suite() {
    return suite;
  }

  /**
   * The sender of the receipted message.
   *
   * @return the sender
   */
  public PartyId sender() {
    return sender;
  }

  /**
   * The receiver (the signer of this receipt).
   *
   * @return the receiver
   */
  public PartyId receiver() {
    return receiver;
  }

  /**
   * When the receiver issued the receipt.
   *
   * @return the time, to the second
   */
  public Instant issuedAt() {
    return issuedAt;
  }

  /**
   * The receipt as on the wire.
   *
   * @return the bytes
   */
  public byte[] toBytes() {
    if (timestamp == null) {
      return json(parts);
    }
    return ("{\"protected\":\""
            + parts[0]
            + "\",\"header\":{\""
            + TIMESTAMP_MEMBER
            + "\":\""
            + Base64URL.encode(timestamp.toBytes())
            + "\"},\"payload\":\""
            + parts[1]
            + "\",\"signature\":\""
            + parts[2]
            + "\"}")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The bytes a time-stamp of this receipt covers: its signature value.
   *
   * @return the decoded JWS signature
   */
  public byte[] signatureBytes() {
    return new Base64URL(parts[2]).decode();
  }

  /**
   * This receipt with an RFC 3161 time-stamp over its signature, asked of a time-stamping authority.
   *
   * @param tsa the authority
   * @return the time-stamped receipt
   * @throws EvidenceException {@code GDX-2504} if the TSA fails or answers something else
   */
  public Receipt timestamped(TimestampAuthority tsa) {
    return withTimestamp(TimestampToken.request(tsa, signatureBytes(), suite));
  }

  /**
   * This receipt with a given time-stamp token over its signature.
   *
   * @param token the token
   * @return the time-stamped receipt
   */
  public Receipt withTimestamp(TimestampToken token) {
    return parse(new Receipt(this, Objects.requireNonNull(token, "token == null")).toBytes());
  }

  private Receipt(Receipt r, TimestampToken token) {
    this.messageId = r.messageId;
    this.envelopeDigest = r.envelopeDigest;
    this.digestAlgorithm = r.digestAlgorithm;
    this.sender = r.sender;
    this.receiver = r.receiver;
    this.issuedAt = r.issuedAt;
    this.suite = r.suite;
    this.parts = r.parts;
    this.header = r.header;
    this.timestamp = token;
  }

  /**
   * The receipt's time-stamp token, if it has one.
   *
   * @return the token, or empty
   */
  public Optional<TimestampToken> timestamp() {
    return Optional.ofNullable(timestamp);
  }

  /**
   * Verifies the receipt's time-stamp offline: the token covers this receipt's signature and was issued by a TSA
   * the anchors trust.
   *
   * @param tsaTrust the anchors of the TSA
   * @return the time the TSA vouches for
   * @throws EvidenceException {@code GDX-2504} if there is no time-stamp or it does not verify
   */
  public Instant verifyTimestamp(TrustStore tsaTrust) {
    if (timestamp == null) {
      throw new EvidenceException(
          CryptoErrorCode.TIMESTAMP_INVALID, "the receipt has no time-stamp", null);
    }
    return timestamp.verify(signatureBytes(), tsaTrust);
  }

  /**
   * The receipt as JSON text.
   *
   * @return the JSON
   */
  public String toJson() {
    return new String(toBytes(), StandardCharsets.US_ASCII);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Receipt
        && Arrays.equals(parts, ((Receipt) o).parts)
        && Objects.equals(timestamp, ((Receipt) o).timestamp);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(parts) * 31 + Objects.hashCode(timestamp);
  }

  @Override
  public String toString() {
    return "Receipt{mid="
        + messageId
        + ", digest="
        + envelopeDigest
        + ", "
        + sender
        + " -> "
        + receiver
        + ", at="
        + issuedAt
        + "}";
  }
}
