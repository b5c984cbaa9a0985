package io.github.govdx.testkit;

import io.github.govdx.client.RateLimit;
import io.github.govdx.client.RateLimiter;
import io.github.govdx.client.WorkingDayCalendar;
import io.github.govdx.client.auth.GatewaySecret;
import io.github.govdx.client.auth.GovdxHmacVerification;
import io.github.govdx.client.auth.GovdxHmacVerifier;
import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.testkit.internal.ApiException;
import io.github.govdx.testkit.internal.EnvelopeFacts;
import io.github.govdx.testkit.internal.EnvelopeReader;
import io.github.govdx.testkit.internal.GatewayGuard;
import io.github.govdx.testkit.internal.WireCode;
import io.github.govdx.testkit.internal.WorkingDays;
import java.time.Clock;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Where the sandbox plugs in the other govdx modules: envelope parsing (crypto), gateway verification (client),
 * record validation and identifier checks (core), the working-day calendar.
 */
final class Adapters {

  private Adapters() {}

  static WorkingDays workingDays(WorkingDayCalendar calendar) {
    return calendar::addWorkingDays;
  }

  static EnvelopeReader envelopeReader() {
    return body -> {
      Envelope e;
      try {
        e = Envelope.parse(body);
      } catch (GovdxException ex) {
        throw new ApiException(
            WireCode.MALFORMED_REQUEST, "the body is not a valid envelope (" + ex.code() + ")");
      }
      RoutingHeaders h = e.headers();
      return new EnvelopeFacts(
          h.messageId(),
          h.sender(),
          h.receiver(),
          h.resourceCode(),
          h.action(),
          h.correlationId().orElse(null),
          e.suite() == Suite.GM ? "SM3" : "SHA-256",
          e.digest());
    };
  }

  static Predicate<String> personalDataCheck() {
    return PersonalDataScanner::containsPersonalData;
  }

  static GatewayGuard openGateway() {
    return (method, path, query, headers, body) -> null;
  }

  /**
   * The gateway check: govdx HMAC ({@link GovdxHmacVerifier}) with each party's test credential, bound to that
   * party only. Failures map to the protocol's gateway codes (§14.2) with {@code serverTime}.
   */
  static GatewayGuard gateway(Parties parties, Clock clock, @Nullable NonceCache nonces) {
    GovdxHmacVerifier.Builder vb = GovdxHmacVerifier.builder();
    if (nonces != null) {
      vb.nonceCache(nonces);
    }
    GovdxHmacVerifier verifier =
        vb.clock(clock)
            .keyLookup(
                keyId -> parties.byKeyId(keyId).map(p -> GatewaySecret.of(p.gatewaySecretBytes())))
            .build();
    return (method, path, query, headers, body) -> {
      GovdxHmacVerification v = verifier.verify(method, path, query, headers, body);
      if (v.isValid()) {
        TestParty p =
            parties
                .byKeyId(v.keyId().orElse(""))
                .orElseThrow(
                    () ->
                        new ApiException(
                            WireCode.GATEWAY_CREDENTIAL_UNKNOWN, "unknown gateway credential"));
        return Set.of(p.partyId());
      }
      WireCode code;
      switch (v.reason()) {
        case MISSING_HEADER:
          code = WireCode.GATEWAY_AUTH_MISSING;
          break;
        case UNKNOWN_KEY:
          code = WireCode.GATEWAY_CREDENTIAL_UNKNOWN;
          break;
        case CLOCK_SKEW:
          code = WireCode.GATEWAY_CLOCK_SKEW;
          break;
        case NONCE_REPLAYED:
          code = WireCode.GATEWAY_NONCE_REPLAYED;
          break;
        case STATE_UNAVAILABLE:
          code = WireCode.GATEWAY_STATE_UNAVAILABLE;
          break;
        default:
          code = WireCode.GATEWAY_SIGNATURE_INVALID;
          break;
      }
      throw new ApiException(
              code,
              "gateway authentication failed: "
                  + v.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
          .withServerTime(v.serverTime());
    };
  }

  /**
   * A gateway check followed by a rate limit per authenticated party (bucket {@code sandbox-party:<id>}): over it,
   * {@code 429}/{@code GDX-3108} with {@code Retry-After}; a limiter that cannot answer refuses with {@code
   * 503}/{@code GDX-3110} (fail closed).
   */
  static GatewayGuard rateLimited(GatewayGuard guard, RateLimiter limiter, RateLimit limit) {
    return (method, path, query, headers, body) -> {
      Set<PartyId> bound = guard.authenticate(method, path, query, headers, body);
      if (bound != null) {
        for (PartyId p : bound) {
          java.util.Optional<java.time.Duration> permit;
          try {
            permit = limiter.reserve("sandbox-party:" + p, limit, java.time.Duration.ZERO);
          } catch (StateStoreException e) {
            throw new ApiException(
                    WireCode.GATEWAY_STATE_UNAVAILABLE,
                    "the rate limiter does not answer (" + e.code() + ")")
                .withRetryAfter(java.time.Duration.ofSeconds(1));
          }
          if (permit.isEmpty()) {
            throw new ApiException(
                    WireCode.GATEWAY_RATE_LIMITED, "the party's rate limit is exhausted")
                .withRetryAfter(java.time.Duration.ofSeconds(1));
          }
        }
      }
      return bound;
    };
  }
}
