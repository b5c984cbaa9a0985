package io.github.govdx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.client.Fixtures;
import io.github.govdx.client.TestPki;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.OpenedStream;
import io.github.govdx.crypto.ReplayDetectedException;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.PartyKeyRing;
import io.github.govdx.crypto.replay.InMemoryReplayCache;
import io.github.govdx.crypto.replay.ReplayCache;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The replay check of a received transfer stream is bound to its transfer: a receive cut short after opening is
 * received again, the same stream under another transfer id is refused, and a second receiving instance sharing the
 * replay cache sees the same.
 */
class TransferStreamReplayTest {

  private static final PartyId SENDER = Fixtures.POLICE;
  private static final PartyId RECEIVER = Fixtures.OTHER;

  private static CodecSealer sealer(TestPki pki, PartyId party, ReplayCache cache) {
    return CodecSealer.create(
        PartyKeyRing.of(pki.credentials(party)),
        pki.trust,
        pki.directory,
        pki.suite,
        new MutableClock(Instant.now()),
        Duration.ofMinutes(5),
        cache);
  }

  private static OpenedStream open(CodecSealer s, String transferId, byte[] sealed) {
    return s.openTransferStream(
        transferId, new ByteArrayInputStream(sealed), new ByteArrayOutputStream());
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void sameTransferAgain_opens_anotherTransfer_isRefused(Suite suite) {
    TestPki pki = new TestPki(suite, SENDER, RECEIVER);
    byte[] plain = new byte[70_000];
    new Random(3).nextBytes(plain);
    ByteArrayOutputStream sealed = new ByteArrayOutputStream();
    sealer(pki, SENDER, new InMemoryReplayCache())
        .sealStream(
            new Routing("stream-1", Instant.now(), SENDER, RECEIVER, "R-1", "transfer", null),
            new ByteArrayInputStream(plain),
            sealed);
    byte[] bytes = sealed.toByteArray();
    ReplayCache shared = new InMemoryReplayCache();
    CodecSealer one = sealer(pki, RECEIVER, shared);
    CodecSealer two = sealer(pki, RECEIVER, shared);

    assertThat(open(one, "t-1", bytes).headers().messageId()).isEqualTo("stream-1");
    // cut short before the acknowledgement: received again, here and on another instance
    assertThat(open(one, "t-1", bytes).length()).isEqualTo(plain.length);
    assertThat(open(two, "t-1", bytes).length()).isEqualTo(plain.length);
    // the same stream announced as another transfer is a replay
    assertThatThrownBy(() -> open(two, "t-2", bytes))
        .isInstanceOf(ReplayDetectedException.class)
        .extracting(e -> ((GovdxException) e).code())
        .isEqualTo("GDX-2303");
  }
}
