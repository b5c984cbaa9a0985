package io.github.govdx.client.internal;

import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals the request payload of a data call and opens its response ({@code docs/protocol.md} sections 9 and
 * 10). A query is sealed afresh on every attempt (new message id, so the provider's replay cache never
 * refuses a retry); a push carries an envelope sealed once and re-sent byte-identical. A successful
 * response must be an envelope ({@code GDX-3404}) that opens ({@code GDX-3406}: every check of DESIGN
 * section 4, replay included) and is bound to this request ({@code GDX-3405}): correlation id = the
 * request's message id, sender = the party called, receiver = us, same resource, the expected action.
 * The opened payload replaces the body for the layers above. Error responses pass through. Thread-safe.
 */
public final class SealingInterceptor implements Interceptor {

  private static final Logger LOG = LoggerFactory.getLogger(SealingInterceptor.class);

  private final MessageSealer sealer;
  private final PartyId self;
  private final Clock clock;
  private final long maxResponseBytes;

  /**
   * Creates the interceptor.
   *
   * @param sealer the envelope operations
   * @param self our party
   * @param clock the clock for issued-at
   * @param maxResponseBytes the largest envelope accepted
   */
  public SealingInterceptor(
      MessageSealer sealer, PartyId self, Clock clock, long maxResponseBytes) {
    this.sealer = Objects.requireNonNull(sealer, "sealer == null");
    this.self = Objects.requireNonNull(self, "self == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.maxResponseBytes = maxResponseBytes;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request req = chain.request();
    SealSpec spec = req.tag(SealSpec.class);
    CallState st = req.tag(CallState.class);
    if (spec == null || st == null) {
      return chain.proceed(req);
    }
    SealedMessage sealed = spec.preSealed();
    if (sealed == null) {
      Routing routing =
          new Routing(
              UUID.randomUUID().toString(),
              clock.instant(),
              self,
              spec.receiver(),
              spec.resourceCode(),
              spec.action(),
              null);
      Tracing.Span sealSpan = st.span().child("govdx seal");
      try {
        sealed = sealer.seal(routing, spec.payload());
      } catch (GovdxException e) {
        sealSpan.failed(e.code());
        throw new GovdxIoException(
            st.envelopeError(
                ClientErrorCode.DIRECTORY_NO_CERTIFICATE,
                "could not seal the request to " + spec.receiver() + ": " + e.getMessage(),
                e));
      } finally {
        sealSpan.end();
      }
    }
    st.sealed(sealed);
    Request sealedRequest =
        req.newBuilder().post(RequestBody.create(sealed.bytes(), MediaTypes.ENVELOPE)).build();
    Response r = chain.proceed(sealedRequest);
    st.lastStatus(r.code()); // reported even if the answer is refused below
    if (!r.isSuccessful()) {
      return r;
    }
    byte[] bytes;
    try (ResponseBody body = r.body()) {
      if (!MediaTypes.isEnvelope(r.header("Content-Type"))) {
        throw new GovdxIoException(
            Transport.contentTypeUnexpected(MediaTypes.ENVELOPE.toString(), r.code(), r, st));
      }
      bytes = Bodies.readLimited(body, maxResponseBytes, st);
    }
    OpenedResponse opened;
    Tracing.Span openSpan = st.span().child("govdx open");
    try {
      // a push answer replayed from an idempotency store repeats its message id; it is still bound
      // to this
      // request (the identical envelope, same message id), so only the replay cache is skipped
      boolean replayed =
          spec.preSealed() != null && "true".equalsIgnoreCase(r.header("Idempotency-Replayed"));
      opened = sealer.open(bytes, !replayed);
    } catch (GovdxException e) {
      openSpan.failed(e.code());
      throw new GovdxIoException(
          st.envelopeError(
              ClientErrorCode.RESPONSE_ENVELOPE_REJECTED,
              "the response envelope was rejected: " + e.getMessage(),
              e));
    } finally {
      openSpan.end();
    }
    String problem = bindingProblem(opened.routing(), sealed.routing(), spec);
    if (problem != null) {
      throw new GovdxIoException(
          st.envelopeError(
              ClientErrorCode.RESPONSE_NOT_BOUND,
              "the response does not answer this request: " + problem,
              null));
    }
    LOG.debug(
        "opened {} {} answering {}",
        opened.routing().action(),
        opened.routing().messageId(),
        sealed.routing().messageId());
    st.opened(opened);
    return r.newBuilder()
        .body(ResponseBody.create(opened.payload(), MediaTypes.JSON))
        .header("Content-Type", MediaTypes.JSON.toString())
        .build();
  }

  private @Nullable String bindingProblem(Routing got, Routing sent, SealSpec spec) {
    if (!sent.messageId().equals(got.correlationId())) {
      return "its correlation id is not the request's message id " + sent.messageId();
    }
    if (!got.sender().equals(spec.receiver())) {
      return "it was sent by " + got.sender() + ", not by the party called, " + spec.receiver();
    }
    if (!got.receiver().equals(self)) {
      return "it is addressed to " + got.receiver() + ", not to " + self;
    }
    if (!got.resourceCode().equals(spec.resourceCode())) {
      return "its resource code is not " + spec.resourceCode();
    }
    if (!got.action().equals(spec.responseAction())) {
      return "its action is '" + got.action() + "', not '" + spec.responseAction() + "'";
    }
    return null;
  }
}
