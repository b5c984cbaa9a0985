package io.github.govdx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.client.Fixtures;
import io.github.govdx.client.TestPki;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.PartyKeyRing;
import io.github.govdx.crypto.replay.InMemoryReplayCache;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The outbox's own copies: sealed with a data key that is itself sealed to us (docs/delivery.md). */
class OwnCopiesTest {

  private static final PartyId US = Fixtures.POLICE;
  private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

  private static CodecSealer sealer(TestPki pki, PartyId party, MutableClock clock) {
    return CodecSealer.create(
        PartyKeyRing.of(pki.credentials(party)),
        pki.trust,
        pki.directory,
        pki.suite,
        clock,
        Duration.ofMinutes(5),
        new InMemoryReplayCache());
  }

  private static Routing routing(String id, Instant at) {
    return new Routing(id, at, US, US, "R-1", "push", null);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void roundTrip_restartAndRotation_keepEveryCopyOpenable(Suite suite) {
    TestPki pki = new TestPki(suite, US, Fixtures.OTHER);
    MutableClock clock = new MutableClock(START);
    CodecSealer a = sealer(pki, US, clock);
    byte[] payload = "{\"records\":[{\"gdbh\":\"GD-1\"}]}".getBytes(StandardCharsets.UTF_8);

    SealedMessage first = a.sealToSelf(routing("m-1", clock.instant()), payload);
    assertThat(OwnCopies.isOwnCopy(first.bytes())).isTrue();
    assertThat(new String(first.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("GD-1");
    clock.advance(OwnCopies.ROTATE_AFTER.plusSeconds(1));
    SealedMessage second = a.sealToSelf(routing("m-2", clock.instant()), payload);
    assertThat(keyEnvelope(second.bytes()))
        .as("a new data key after the rotation period")
        .isNotEqualTo(keyEnvelope(first.bytes()));
    SealedMessage third = a.sealToSelf(routing("m-3", clock.instant()), payload);
    assertThat(keyEnvelope(third.bytes())).isEqualTo(keyEnvelope(second.bytes()));

    // another instance (or this one after a restart) with the same key opens all of them
    CodecSealer b = sealer(pki, US, clock);
    for (SealedMessage m : new SealedMessage[] {first, second, third}) {
      OpenedResponse o = b.openOwn(m.bytes());
      assertThat(o.payload()).isEqualTo(payload);
      assertThat(o.routing().messageId()).isEqualTo(m.routing().messageId());
      assertThat(o.routing().issuedAt()).isEqualTo(m.routing().issuedAt());
      assertThat(o.routing().sender()).isEqualTo(US);
      assertThat(o.routing().resourceCode()).isEqualTo("R-1");
      assertThat(o.digest()).isEqualTo(m.digest());
    }
    // two copies of one payload never share nonce or ciphertext
    assertThat(Arrays.equals(first.bytes(), a.sealToSelf(first.routing(), payload).bytes()))
        .isFalse();
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void anyChangedByte_isRefused(Suite suite) {
    TestPki pki = new TestPki(suite, US);
    MutableClock clock = new MutableClock(START);
    CodecSealer a = sealer(pki, US, clock);
    byte[] copy = a.sealToSelf(routing("m-1", START), new byte[300]).bytes();
    // every byte outside the key envelope: lengths, header, nonce, ciphertext and tag
    // (the key envelope is checked by its own signature; see keyEnvelopeOfAnotherPeriod_isRefused)
    for (int i = 0; i < copy.length; i = i == 8 ? keyEnd(copy) : i + 1) {
      byte[] changed = copy.clone();
      changed[i] ^= 0x20;
      int at = i;
      assertThatThrownBy(() -> a.openOwn(changed))
          .as("byte %d changed", at)
          .isInstanceOfAny(IllegalArgumentException.class, GovdxException.class);
    }
    // cut at every length: refused, never an exception of another kind
    for (int n = 0; n < copy.length; n += 7) {
      byte[] cut = Arrays.copyOf(copy, n);
      assertThatThrownBy(() -> a.openOwn(cut))
          .isInstanceOfAny(IllegalArgumentException.class, GovdxException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void headerMovedToAnotherCopy_isRefused(Suite suite) {
    TestPki pki = new TestPki(suite, US);
    CodecSealer a = sealer(pki, US, new MutableClock(START));
    byte[] one = a.sealToSelf(routing("m-1", START), new byte[64]).bytes();
    byte[] two = a.sealToSelf(routing("m-2", START), new byte[64]).bytes();
    // same key envelope and lengths: put copy two's nonce and ciphertext behind copy one's header
    int tail = 12 + 64 + 16;
    byte[] spliced = one.clone();
    System.arraycopy(two, two.length - tail, spliced, one.length - tail, tail);
    assertThatThrownBy(() -> a.openOwn(spliced))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not authenticate");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void keyEnvelopeOfAnotherPeriod_isRefused(Suite suite) {
    TestPki pki = new TestPki(suite, US);
    MutableClock clock = new MutableClock(START);
    CodecSealer a = sealer(pki, US, clock);
    byte[] one = a.sealToSelf(routing("m-1", START), new byte[64]).bytes();
    clock.advance(OwnCopies.ROTATE_AFTER);
    byte[] two = a.sealToSelf(routing("m-1", START), new byte[64]).bytes();
    byte[] otherKey = keyEnvelope(two);
    assertThat(otherKey).isNotEqualTo(keyEnvelope(one));
    byte[] rest = Arrays.copyOfRange(one, keyEnd(one), one.length);
    byte[] spliced =
        ByteBuffer.allocate(9 + otherKey.length + rest.length)
            .put(one, 0, 5)
            .putInt(otherKey.length)
            .put(otherKey)
            .put(rest)
            .array();
    assertThatThrownBy(() -> a.openOwn(spliced))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not authenticate");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void anotherParty_cannotOpen(Suite suite) {
    TestPki pki = new TestPki(suite, US, Fixtures.OTHER);
    MutableClock clock = new MutableClock(START);
    byte[] copy = sealer(pki, US, clock).sealToSelf(routing("m-1", START), new byte[8]).bytes();
    assertThatThrownBy(() -> sealer(pki, Fixtures.OTHER, clock).openOwn(copy))
        .isInstanceOf(GovdxException.class);
  }

  private static int keyEnd(byte[] copy) {
    return 9 + ByteBuffer.wrap(copy, 5, 4).getInt();
  }

  private static byte[] keyEnvelope(byte[] copy) {
    return Arrays.copyOfRange(copy, 9, keyEnd(copy));
  }
}
