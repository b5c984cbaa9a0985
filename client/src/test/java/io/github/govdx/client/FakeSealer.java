package io.github.govdx.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.internal.Hashes;
import io.github.govdx.client.internal.MessageSealer;
import io.github.govdx.client.internal.OpenedResponse;
import io.github.govdx.client.internal.Routing;
import io.github.govdx.client.internal.SealedMessage;
import io.github.govdx.core.ErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the crypto envelope with the same checks but no cryptography: the "envelope" is
 * {@code {"routing": {...}, "payload": {...}}} in the clear, so WireMock templates can answer it. open() checks
 * receiver = me and replay (message id seen before), as EnvelopeCodec does; the pipeline's own binding checks
 * are what these tests exercise.
 */
public final class FakeSealer implements MessageSealer {

  /** A test-only error code standing in for the crypto module's. */
  public enum FakeCode implements ErrorCode {
    NOT_FOR_ME("GDX-2901", "receiver is not me"),
    REPLAY("GDX-2902", "replayed message id"),
    BAD("GDX-2903", "bad envelope"),
    RECEIPT("GDX-2904", "receipt does not cover the message");

    private final String code;
    private final String title;

    FakeCode(String code, String title) {
      this.code = code;
      this.title = title;
    }

    @Override
    public String code() {
      return code;
    }

    @Override
    public String title() {
      return title;
    }
  }

  private static final ObjectMapper M = new ObjectMapper();

  private final PartyId me;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  final java.util.concurrent.atomic.AtomicInteger seals =
      new java.util.concurrent.atomic.AtomicInteger();

  public FakeSealer(PartyId me) {
    this.me = me;
  }

  static ObjectNode routingJson(Routing r) {
    ObjectNode o = M.createObjectNode();
    o.put("messageId", r.messageId());
    o.put("issuedAt", r.issuedAt().toString());
    o.put("sender", r.sender().toString());
    o.put("receiver", r.receiver().toString());
    o.put("resourceCode", r.resourceCode());
    o.put("action", r.action());
    if (r.correlationId() != null) {
      o.put("correlationId", r.correlationId());
    }
    return o;
  }

  @Override
  public SealedMessage seal(Routing routing, byte[] payload) {
    seals.incrementAndGet();
    try {
      ObjectNode env = M.createObjectNode();
      env.set("routing", routingJson(routing));
      env.set("payload", M.readTree(payload));
      byte[] bytes = M.writeValueAsBytes(env);
      return new SealedMessage(routing, bytes, digest(bytes));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public OpenedResponse open(byte[] envelope, boolean replayCheck) {
    JsonNode env;
    try {
      env = M.readTree(envelope);
    } catch (IOException e) {
      throw new GovdxException(FakeCode.BAD, "not JSON");
    }
    JsonNode r = env.path("routing");
    Routing routing =
        new Routing(
            r.path("messageId").asText(),
            Instant.parse(r.path("issuedAt").asText()),
            PartyId.parse(r.path("sender").asText()),
            PartyId.parse(r.path("receiver").asText()),
            r.path("resourceCode").asText(),
            r.path("action").asText(),
            r.hasNonNull("correlationId") ? r.path("correlationId").asText() : null);
    if (!routing.receiver().equals(me)) {
      throw new GovdxException(FakeCode.NOT_FOR_ME, "sealed for " + routing.receiver());
    }
    if (!seen.add(routing.messageId()) && replayCheck) {
      throw new GovdxException(FakeCode.REPLAY, "message " + routing.messageId() + " seen before");
    }
    try {
      return new OpenedResponse(
          routing, M.writeValueAsBytes(env.path("payload")), digest(envelope), null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public OpenedResponse openClaimed(byte[] envelope) {
    return open(envelope, false);
  }

  @Override
  public String messageId(byte[] envelope) {
    try {
      return M.readTree(envelope).path("routing").path("messageId").asText();
    } catch (IOException e) {
      throw new GovdxException(FakeCode.BAD, "not JSON");
    }
  }

  @Override
  public EnvelopeDigest digest(byte[] envelope) {
    return EnvelopeDigest.sha256(Hashes.sha256Hex(envelope));
  }

  /**
   * Checks a stand-in receipt {@code {"messageId", "digest", "signer"}} (the signer must be the push's receiver).
   * There is no signature, so there is no crypto {@code Receipt} to return.
   */
  @Override
  public java.util.Optional<io.github.govdx.crypto.evidence.Receipt> verifyReceipt(
      JsonNode receipt, SealedMessage sent) {
    if (!receipt.path("messageId").asText().equals(sent.routing().messageId())
        || !receipt.path("digest").asText().equals(sent.digest().hex())
        || !receipt.path("signer").asText().equals(sent.routing().receiver().toString())) {
      throw new GovdxException(
          FakeCode.RECEIPT, "receipt does not cover " + sent.routing().messageId());
    }
    return java.util.Optional.empty();
  }

  @Override
  public JsonNode receipt(byte[] received, Routing routing, EnvelopeDigest digest) {
    ObjectNode o = M.createObjectNode();
    o.put("messageId", routing.messageId());
    o.put("digest", digest.hex());
    o.put("signer", me.toString());
    return o;
  }

  @Override
  public SealedMessage sealToSelf(Routing routing, byte[] payload) {
    return seal(routing, payload);
  }

  @Override
  public OpenedResponse openOwn(byte[] envelope) {
    return open(envelope, false);
  }

  @Override
  public java.util.Optional<io.github.govdx.crypto.evidence.Receipt> verifyReceipt(
      JsonNode receipt, SealedMessage sent, java.util.Collection<String> sentDigests) {
    return verifyReceipt(receipt, sent);
  }
}
