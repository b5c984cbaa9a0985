package io.github.govdx.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.crypto.internal.Hex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sealed stream format (DESIGN section 10): round trips of every size around the chunk boundary, and the negative
 * suite — truncated at every chunk boundary and mid-frame, chunks swapped, duplicated, spliced from another stream,
 * the final flag moved, bytes after the final chunk and after the trailer, a signature over other plaintext — each
 * refused with its code.
 */
class SealedStreamTest {

  private static final int CHUNK = 1000;

  /** A parsed sealed stream: prefix (magic and header) and frames (type, body). */
  private record Frames(byte[] prefix, List<byte[]> frames) {
    static Frames of(byte[] s) {
      ByteBuffer b = ByteBuffer.wrap(s);
      b.position(5);
      int h = b.getInt();
      byte[] prefix = new byte[5 + 4 + h];
      System.arraycopy(s, 0, prefix, 0, prefix.length);
      b.position(prefix.length);
      List<byte[]> frames = new ArrayList<>();
      while (b.hasRemaining()) {
        int start = b.position();
        b.get();
        int l = b.getInt();
        b.position(b.position() + l);
        byte[] f = new byte[b.position() - start];
        System.arraycopy(s, start, f, 0, f.length);
        frames.add(f);
      }
      return new Frames(prefix, frames);
    }

    byte[] join(List<byte[]> fs) {
      ByteArrayOutputStream o = new ByteArrayOutputStream();
      o.writeBytes(prefix);
      fs.forEach(o::writeBytes);
      return o.toByteArray();
    }
  }

  private static byte[] data(int n, long seed) {
    byte[] d = new byte[n];
    new Random(seed).nextBytes(d);
    return d;
  }

  private static RoutingHeaders headers() {
    return TestPki.headers().messageId(UUID.randomUUID().toString()).action("push").build();
  }

  private static byte[] seal(Suite suite, byte[] plain) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TestPki.of(suite).sender().sealStream(headers(), new ByteArrayInputStream(plain), out, CHUNK);
    return out.toByteArray();
  }

  private static OpenedStream open(Suite suite, byte[] sealed, ByteArrayOutputStream out) {
    return TestPki.of(suite).receiver().openStream(new ByteArrayInputStream(sealed), out);
  }

  private static void refused(Suite suite, byte[] sealed, String code) {
    assertThatThrownBy(() -> open(suite, sealed, new ByteArrayOutputStream()))
        .isInstanceOf(StreamException.class)
        .hasMessageStartingWith(code);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void roundTrip_everySizeAroundTheChunkBoundary(Suite suite) {
    for (int n : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 7}) {
      byte[] plain = data(n, n);
      byte[] sealed = seal(suite, plain);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      OpenedStream o = open(suite, sealed, out);
      assertThat(out.toByteArray()).as("size %d", n).isEqualTo(plain);
      assertThat(o.length()).isEqualTo(n);
      assertThat(o.chunks()).isEqualTo(Math.max(1, (n + CHUNK - 1) / CHUNK));
      assertThat(o.digest())
          .isEqualTo(Hex.encode(suite == Suite.GM ? Hex.sm3(plain) : Hex.sha256(plain)));
      assertThat(o.signerCertificate()).isEqualTo(TestPki.of(suite).a.certificate());
      assertThat(sealed.length).isLessThan(n + 4096 + 21 * (n / CHUNK + 1));
    }
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void truncatedAtEveryFrameBoundaryAndMidFrame_refused2602(Suite suite) {
    byte[] sealed = seal(suite, data(3 * CHUNK + 5, 1));
    Frames f = Frames.of(sealed);
    for (int k = 0; k < f.frames().size(); k++) {
      refused(suite, f.join(f.frames().subList(0, k)), "GDX-2602");
    }
    byte[] mid = java.util.Arrays.copyOf(sealed, sealed.length - CHUNK / 2 - 80);
    refused(suite, mid, "GDX-2602");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void swappedOrDuplicatedChunks_refused2603(Suite suite) {
    Frames f = Frames.of(seal(suite, data(3 * CHUNK + 5, 2)));
    List<byte[]> swapped = new ArrayList<>(f.frames());
    swapped.set(0, f.frames().get(1));
    swapped.set(1, f.frames().get(0));
    refused(suite, f.join(swapped), "GDX-2603");
    List<byte[]> dup = new ArrayList<>(f.frames());
    dup.add(1, f.frames().get(0));
    refused(suite, f.join(dup), "GDX-2603");
    List<byte[]> dropped = new ArrayList<>(f.frames());
    dropped.remove(1);
    refused(suite, f.join(dropped), "GDX-2603");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void chunkSplicedFromAnotherStream_refused2603(Suite suite) {
    Frames a = Frames.of(seal(suite, data(3 * CHUNK, 3)));
    Frames b = Frames.of(seal(suite, data(3 * CHUNK, 4)));
    List<byte[]> spliced = new ArrayList<>(a.frames());
    spliced.set(1, b.frames().get(1));
    refused(suite, a.join(spliced), "GDX-2603");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void finalFlagMoved_refused2603(Suite suite) {
    Frames f = Frames.of(seal(suite, data(3 * CHUNK, 5)));
    List<byte[]> early = new ArrayList<>(f.frames());
    byte[] first = early.get(0).clone();
    first[0] = 1;
    early.set(0, first);
    refused(suite, f.join(early), "GDX-2603");
    List<byte[]> late = new ArrayList<>(f.frames());
    byte[] last = late.get(2).clone();
    last[0] = 0;
    late.set(2, last);
    refused(suite, f.join(late), "GDX-2603");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void bytesAfterTheFinalChunkOrTheTrailer_refused2604(Suite suite) {
    byte[] sealed = seal(suite, data(2 * CHUNK, 6));
    Frames f = Frames.of(sealed);
    List<byte[]> extra = new ArrayList<>(f.frames());
    extra.add(2, f.frames().get(0));
    refused(suite, f.join(extra), "GDX-2604");
    byte[] tail = java.util.Arrays.copyOf(sealed, sealed.length + 1);
    refused(suite, tail, "GDX-2604");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void trailerOfAnotherStream_signatureOverOtherPlaintext_refused2605(Suite suite) {
    Frames a = Frames.of(seal(suite, data(2 * CHUNK, 7)));
    Frames b = Frames.of(seal(suite, data(2 * CHUNK, 8)));
    List<byte[]> mixed = new ArrayList<>(a.frames());
    mixed.set(mixed.size() - 1, b.frames().get(b.frames().size() - 1));
    refused(suite, a.join(mixed), "GDX-2605");
    List<byte[]> flipped = new ArrayList<>(a.frames());
    byte[] t = flipped.get(flipped.size() - 1).clone();
    t[t.length - 1] ^= 1;
    flipped.set(flipped.size() - 1, t);
    refused(suite, a.join(flipped), "GDX-2605");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void notAStreamOrTamperedHeader_refusedWithTheirCodes(Suite suite) {
    refused(
        suite,
        "{\"protected\":1}".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "GDX-2601");
    byte[] sealed = seal(suite, data(10, 9));
    byte[] bad = sealed.clone();
    bad[40] ^= 1;
    assertThatThrownBy(() -> open(suite, bad, new ByteArrayOutputStream()))
        .isInstanceOf(EnvelopeException.class)
        .hasMessageStartingWith("GDX-2");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void sameStreamOpenedTwice_refusedAsReplay(Suite suite) {
    byte[] sealed = seal(suite, data(10, 10));
    EnvelopeCodec receiver = TestPki.of(suite).codec(TestPki.of(suite).b).build();
    receiver.openStream(new ByteArrayInputStream(sealed), new ByteArrayOutputStream());
    assertThatThrownBy(
            () ->
                receiver.openStream(new ByteArrayInputStream(sealed), new ByteArrayOutputStream()))
        .isInstanceOf(ReplayDetectedException.class);
  }
}
