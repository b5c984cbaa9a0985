package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.EnvelopeDigest;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.OpenedStream;
import io.github.govdx.crypto.ReplayDetectedException;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.Receipt;
import io.github.govdx.crypto.key.PartyDirectory;
import io.github.govdx.crypto.key.PartyKeyRing;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.crypto.replay.ReplayCache;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * {@link MessageSealer} over govdx-crypto's {@link EnvelopeCodec}. A second codec, without replay cache and
 * with a skew window as long as the idempotency retention, opens push answers replayed from an idempotency
 * store and verifies receipts (both legitimately repeat an old message id; binding to the re-sent request is
 * checked by the pipeline). Receipts are govdx-crypto's {@link Receipt} (a flattened JWS, {@code typ}
 * {@code gdx-receipt}, over message id, digest, sender and receiver), issued with our credentials and verified
 * against the trust store. Thread-safe.
 */
public final class CodecSealer implements MessageSealer {

  /** The skew window of the lenient codec: the idempotency retention of 24 hours (the codec maximum). */
  static final Duration LENIENT_SKEW = Duration.ofDays(1);

  private static final String OWN_KEY_RESOURCE = "govdx-outbox";
  private static final String OWN_KEY_ACTION = "outbox-key";

  private final EnvelopeCodec strict;
  private final EnvelopeCodec claimed;
  private final EnvelopeCodec lenient;
  private final @Nullable ReplayCache replayCache;
  private final @Nullable EnvelopeCodec transfersClaimed;

  private final TrustStore trust;
  private final Clock clock;
  private final OwnCopies ownCopies;

  /**
   * Creates the sealer.
   *
   * @param strict the codec with every check of DESIGN section 4
   * @param claimed the same codec without replay cache (for pushes, whose message ids the idempotency store claims)
   * @param lenient the same codec without replay cache and with a long skew window
   * @param trust the trust anchors (to verify receipts)
   * @param clock the clock for issued-at
   */
  public CodecSealer(
      EnvelopeCodec strict,
      EnvelopeCodec claimed,
      EnvelopeCodec lenient,
      TrustStore trust,
      Clock clock) {
    this(strict, claimed, lenient, null, null, trust, clock);
  }

  private CodecSealer(
      EnvelopeCodec strict,
      EnvelopeCodec claimed,
      EnvelopeCodec lenient,
      @Nullable EnvelopeCodec transfersClaimed,
      @Nullable ReplayCache replayCache,
      TrustStore trust,
      Clock clock) {
    this.strict = Objects.requireNonNull(strict, "strict == null");
    this.claimed = Objects.requireNonNull(claimed, "claimed == null");
    this.lenient = Objects.requireNonNull(lenient, "lenient == null");
    this.transfersClaimed = transfersClaimed;
    this.replayCache = replayCache;
    this.trust = Objects.requireNonNull(trust, "trust == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.ownCopies = new OwnCopies(strict.suite(), clock, this::sealKey, this::openKey);
  }

  /**
   * Creates a sealer from a party's key pairs.
   *
   * @param ring our key pairs (the current one signs and issues receipts; mail to any of them opens)
   * @param trust the trust anchors
   * @param directory where receivers' certificates come from
   * @param suite the one accepted suite
   * @param clock the clock
   * @param skew the accepted clock skew
   * @param replayCache remembers the message ids of strictly opened envelopes
   * @return the sealer
   */
  public static CodecSealer create(
      PartyKeyRing ring,
      TrustStore trust,
      PartyDirectory directory,
      Suite suite,
      Clock clock,
      Duration skew,
      ReplayCache replayCache) {
    Set<Suite> accepted = EnumSet.of(suite);
    ReplayCache claimedElsewhere = (messageId, expiresAt) -> true;
    BiFunction<Duration, ReplayCache, EnvelopeCodec> codec =
        (allowedSkew, cache) ->
            EnvelopeCodec.builder()
                .keyRing(ring)
                .trustStore(trust)
                .directory(directory)
                .acceptedSuites(accepted)
                .clock(clock)
                .clockSkew(allowedSkew)
                .replayCache(cache)
                .build();
    return new CodecSealer(
        codec.apply(skew, replayCache),
        codec.apply(skew, claimedElsewhere),
        codec.apply(LENIENT_SKEW, claimedElsewhere),
        codec.apply(LENIENT_SKEW, claimedElsewhere),
        replayCache,
        trust,
        clock);
  }

  private static RoutingHeaders headers(Routing r) {
    RoutingHeaders.Builder b =
        RoutingHeaders.builder()
            .messageId(r.messageId())
            .issuedAt(r.issuedAt())
            .sender(r.sender())
            .receiver(r.receiver())
            .resourceCode(r.resourceCode())
            .action(r.action());
    if (r.correlationId() != null) {
      b.correlationId(r.correlationId());
    }
    return b.build();
  }

  private static EnvelopeDigest digest(Envelope e) {
    return new EnvelopeDigest(e.suite().digestAlgorithm(), e.digest());
  }

  @Override
  public SealedMessage seal(Routing routing, byte[] payload) {
    Envelope e = strict.seal(headers(routing), payload);
    return new SealedMessage(routing, e.toBytes(), digest(e));
  }

  @Override
  public OpenedResponse open(byte[] envelope, boolean replayCheck) {
    OpenedMessage m = (replayCheck ? strict : lenient).open(envelope);
    return new OpenedResponse(
        Routing.of(m.headers()), m.payload(), digest(m.envelope()), m.signerCertificate());
  }

  @Override
  public OpenedResponse openClaimed(byte[] envelope) {
    OpenedMessage m = claimed.open(envelope);
    return new OpenedResponse(
        Routing.of(m.headers()), m.payload(), digest(m.envelope()), m.signerCertificate());
  }

  @Override
  public SealedMessage sealToSelf(Routing routing, byte[] payload) {
    if (!routing.receiver().equals(routing.sender())) {
      throw new IllegalArgumentException("a copy sealed to ourselves must name us as its receiver");
    }
    return ownCopies.seal(routing, payload);
  }

  @Override
  public OpenedResponse openOwn(byte[] copy) {
    if (OwnCopies.isOwnCopy(copy)) {
      OwnCopies.Opened o = ownCopies.open(copy);
      return new OpenedResponse(o.routing(), o.payload(), ownCopies.digest(copy), null);
    }
    // a copy made before 0.1.0's own-copy format: a whole envelope sealed to ourselves
    OpenedMessage m = lenient.open(copy);
    if (!m.headers().sender().equals(m.headers().receiver())) {
      throw new IllegalArgumentException("not a copy sealed to ourselves");
    }
    return new OpenedResponse(
        Routing.of(m.headers()), m.payload(), digest(m.envelope()), m.signerCertificate());
  }

  /** Seals an own-copy data key to ourselves: an ordinary envelope, action {@code outbox-key}. */
  private byte[] sealKey(String messageId, java.time.Instant issuedAt, byte[] key) {
    io.github.govdx.crypto.key.PartyCredentials own = strict.credentials();
    RoutingHeaders h =
        RoutingHeaders.builder()
            .messageId(messageId)
            .issuedAt(issuedAt)
            .sender(own.partyId())
            .receiver(own.partyId())
            .resourceCode(OWN_KEY_RESOURCE)
            .action(OWN_KEY_ACTION)
            .build();
    return strict.seal(h, key, own.encryptionCertificate().orElse(own.certificate())).toBytes();
  }

  /** Opens an own-copy key envelope: signed by us, to us, with the own-copy action. */
  private byte[] openKey(byte[] envelope) {
    OpenedMessage m = lenient.open(envelope);
    PartyId self = strict.credentials().partyId();
    if (!m.headers().sender().equals(self)
        || !m.headers().receiver().equals(self)
        || !m.headers().action().equals(OWN_KEY_ACTION)) {
      throw new IllegalArgumentException("the copy's key envelope is not ours");
    }
    return m.payload();
  }

  @Override
  public String messageId(byte[] envelope) {
    return Envelope.parse(envelope).headers().messageId();
  }

  @Override
  public EnvelopeDigest digest(byte[] envelope) {
    return digest(Envelope.parse(envelope));
  }

  @Override
  public JsonNode receipt(byte[] received, Routing routing, EnvelopeDigest digest) {
    Receipt r = Receipt.issue(strict.credentials(), Envelope.parse(received), clock.instant());
    return Json.parseObject(r.toBytes());
  }

  @Override
  public Optional<Receipt> verifyReceipt(JsonNode receipt, SealedMessage sent) {
    Receipt r = Receipt.parse(Json.bytes(receipt));
    r.verify(Envelope.parse(sent.bytes()), trust, clock.instant());
    return Optional.of(r);
  }

  @Override
  public Optional<Receipt> verifyReceipt(
      JsonNode receipt, SealedMessage sent, java.util.Collection<String> sentDigests) {
    Receipt r = Receipt.parse(Json.bytes(receipt));
    r.verify(Envelope.parse(sent.bytes()), sentDigests, trust, clock.instant());
    return Optional.of(r);
  }

  /** @return the suite of the credentials */
  public Suite suite() {
    return strict.suite();
  }

  @Override
  public long sealStream(Routing routing, InputStream plaintext, OutputStream out) {
    return strict.sealStream(headers(routing), plaintext, out);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Opens with the codec that leaves the replay check to its caller, then claims two ids in the replay cache,
   * both until the stream's issued-at plus the skew window: the stream's own (sender and message id, as every
   * envelope) and the stream's for this transfer, the latter first. A stream whose own id was seen before opens
   * only if it was also seen for this transfer — the same transfer received again.
   */
  @Override
  public OpenedStream openTransferStream(String transferId, InputStream sealed, OutputStream out) {
    if (transfersClaimed == null || replayCache == null) {
      throw new UnsupportedOperationException("this sealer was not built for file transfers");
    }
    Objects.requireNonNull(transferId, "transferId == null");
    OpenedStream opened = transfersClaimed.openStream(sealed, out);
    RoutingHeaders h = opened.headers();
    String id = h.sender() + " " + h.messageId();
    Instant until = h.issuedAt().plus(LENIENT_SKEW);
    boolean newForTransfer = replayCache.firstSeen(id + " transfer " + transferId, until);
    boolean newStream = replayCache.firstSeen(id, until);
    if (!newStream && newForTransfer) {
      throw new ReplayDetectedException(
          CryptoErrorCode.REPLAY_DETECTED,
          "stream "
              + h.messageId()
              + " from "
              + h.sender()
              + " was received before, for another transfer");
    }
    return opened;
  }

  @Override
  public OpenedStream openStreamClaimed(InputStream sealed, OutputStream out) {
    if (transfersClaimed == null) {
      throw new UnsupportedOperationException("this sealer was not built for file transfers");
    }
    return transfersClaimed.openStream(sealed, out);
  }

  @Override
  public Receipt streamReceipt(OpenedStream opened, String sealedDigest) {
    return Receipt.issue(
        strict.credentials(), opened, strict.suite(), sealedDigest, clock.instant());
  }

  @Override
  public java.security.cert.X509Certificate verifyStreamReceipt(
      Receipt receipt, Routing sent, String sealedDigest) {
    return receipt.verify(headers(sent), sealedDigest, trust, clock.instant());
  }

  @Override
  public Optional<Suite> streamSuite() {
    return Optional.of(strict.suite());
  }
}
