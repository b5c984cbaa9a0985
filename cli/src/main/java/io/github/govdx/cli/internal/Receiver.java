package io.github.govdx.cli.internal;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The receiving side of {@code open} and {@code verify --key}: the receiver's credentials and a codec judging
 * at a chosen instant. Thread-safe (stateless).
 */
final class Receiver {

  private Receiver() {}

  static PartyCredentials credentials(Path key, @Nullable Path cert, @Nullable PartyId party) {
    Path certFile = KeyMaterial.certificateFor(key, cert);
    return KeyMaterial.credentials(
        KeyMaterial.privateKey(key, "--key"), KeyMaterial.certificates(certFile, "--cert"), party);
  }

  static EnvelopeCodec codec(
      PartyCredentials credentials, TrustStore trust, Instant at, Duration skew) {
    return EnvelopeCodec.builder()
        .credentials(credentials)
        .trustStore(trust)
        .clock(Clock.fixed(at, ZoneOffset.UTC))
        .clockSkew(skew)
        .build();
  }
}
