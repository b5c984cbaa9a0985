package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import java.io.PrintWriter;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Shared rendering of envelopes, routing headers and signer certificates, and the time options of
 * {@code open} and {@code verify}. Thread-safe (stateless).
 */
final class EnvelopeText {

  /** Longest freshness window the library accepts, the default of the command line (files are offline). */
  static final Duration DEFAULT_MAX_SKEW = Duration.ofDays(1);

  private EnvelopeText() {}

  static String algorithms(Envelope env) {
    Suite s = env.suite();
    return env.kind() == Envelope.Kind.SIGNED
        ? "JWS " + s.jwsAlgorithm()
        : "JWE "
            + s.jweAlgorithm()
            + " + "
            + s.encryptionMethod()
            + ", inner JWS "
            + s.jwsAlgorithm();
  }

  static void putEnvelope(ObjectNode node, Envelope env) {
    node.put("kind", env.kind().name());
    node.put("suite", env.suite().name());
    ObjectNode alg = node.putObject("algorithms");
    if (env.kind() == Envelope.Kind.SEALED) {
      alg.put("jweAlg", env.suite().jweAlgorithm());
      alg.put("jweEnc", env.suite().encryptionMethod());
    }
    alg.put("jwsAlg", env.suite().jwsAlgorithm());
    node.put("keyId", env.keyId());
    node.put("bytes", env.toBytes().length);
    node.put("digest", env.digest());
    node.put("digestAlgorithm", env.suite().digestAlgorithm());
  }

  static void putHeaders(ObjectNode node, RoutingHeaders h) {
    node.put("messageId", h.messageId());
    node.put("issuedAt", h.issuedAt().toString());
    node.put("sender", h.sender().toString());
    node.put("receiver", h.receiver().toString());
    node.put("resourceCode", h.resourceCode());
    node.put("action", h.action());
    h.correlationId().ifPresent(c -> node.put("correlationId", c));
  }

  static void printHeaders(PrintWriter w, RoutingHeaders h) {
    w.println("  message id     " + h.messageId());
    w.println("  issued at      " + h.issuedAt());
    w.println("  sender         " + h.sender());
    w.println("  receiver       " + h.receiver());
    w.println("  resource       " + h.resourceCode());
    w.println("  action         " + h.action());
    w.println("  correlation id " + h.correlationId().orElse("-"));
  }

  static void printChecks(PrintWriter w, List<String> checks) {
    w.println("  checks passed");
    for (String c : checks) {
      w.println("    - " + c);
    }
  }

  static void printCertificate(PrintWriter w, String indent, X509Certificate c) {
    for (String line : KeyMaterial.describe(c)) {
      w.println(indent + line);
    }
  }

  /**
   * Resolves {@code --at}: absent means the run's clock, {@code issued} the envelope's issued-at, anything
   * else an ISO-8601 instant.
   */
  static Instant at(@Nullable String at, Clock clock, Envelope env) {
    if (at == null) {
      return clock.instant();
    }
    if ("issued".equalsIgnoreCase(at)) {
      return env.headers().issuedAt();
    }
    try {
      return Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw CliException.error(
          CliErrorCode.USAGE,
          "--at must be an ISO-8601 instant such as 2026-11-24T08:00:00Z, or 'issued'");
    }
  }

  static Duration maxSkew(@Nullable Duration skew) {
    Duration d = skew == null ? DEFAULT_MAX_SKEW : skew;
    if (d.isNegative() || d.compareTo(DEFAULT_MAX_SKEW) > 0) {
      throw CliException.error(CliErrorCode.USAGE, "--max-skew must be between PT0S and P1D");
    }
    return d;
  }

  static List<String> checksSigned(boolean withReceiver) {
    return withReceiver
        ? List.of(
            "structure and algorithm allow-list",
            "signer certificate chain trusted and valid",
            "signature valid",
            "signer is the sender",
            "receiver is this party",
            "issued-at inside the window")
        : List.of(
            "structure and algorithm allow-list",
            "signer certificate chain trusted and valid",
            "signature valid",
            "signer is the sender");
  }

  static List<String> checksSealed() {
    return List.of(
        "structure and algorithm allow-list",
        "receiver is this party",
        "encrypted to this key",
        "decrypted and authenticated (AEAD tag)",
        "inner and outer routing headers equal",
        "signer certificate chain trusted and valid",
        "signature valid",
        "signer is the sender",
        "issued-at inside the window");
  }
}
