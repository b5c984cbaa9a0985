package io.github.govdx.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every single-byte change anywhere in an envelope is rejected with a govdx code, never accepted and never
 * a crash. Each position gets its low bit flipped, every fourth position also its high bit flipped
 * and a replacement by another base64url character; the first 48 positions, which cover the JSON structure and the start of the protected header, get all 255
 * other byte values. The receiver's replay cache remembers nothing, so an accepted change cannot hide
 * behind a replay rejection.
 */
class EnvelopeTamperTest {

  private static EnvelopeCodec forgetfulReceiver(TestPki pki) {
    return pki.codec(pki.b).replayCache((id, exp) -> true).build();
  }

  private static byte[][] mutations(byte[] original, int position) {
    byte b = original[position];
    if (position < 48) {
      byte[][] all = new byte[255][];
      int n = 0;
      for (int v = 0; v < 256; v++) {
        if ((byte) v != b) {
          all[n] = original.clone();
          all[n++][position] = (byte) v;
        }
      }
      return all;
    }
    byte[] flip = original.clone();
    flip[position] ^= 0x01;
    if (position % 4 != 0) {
      return new byte[][] {flip};
    }
    byte[] high = original.clone();
    high[position] ^= (byte) 0x80;
    byte[] other = original.clone();
    other[position] = (byte) (b == 'A' ? 'B' : 'A');
    return new byte[][] {flip, high, other};
  }

  private static Map<String, Integer> tamper(
      byte[] envelope, java.util.function.Consumer<byte[]> open) {
    Map<String, Integer> codes = new TreeMap<>();
    for (int i = 0; i < envelope.length; i++) {
      for (byte[] m : mutations(envelope, i)) {
        try {
          open.accept(m);
          throw new AssertionError(
              "accepted a change at byte "
                  + i
                  + ": "
                  + new String(m, StandardCharsets.ISO_8859_1)
                      .substring(Math.max(0, i - 10), Math.min(m.length, i + 10)));
        } catch (EnvelopeException e) {
          codes.merge(e.code(), 1, Integer::sum);
        }
      }
    }
    return codes;
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void open_everySingleByteChangeOfASealedEnvelope_rejected(Suite suite) {
    TestPki pki = TestPki.of(suite);
    byte[] env =
        pki.sender()
            .seal(TestPki.headers().build(), "{\"id\":1}".getBytes(StandardCharsets.UTF_8))
            .toBytes();
    EnvelopeCodec r = forgetfulReceiver(pki);
    assertThat(r.open(env).payload()).isNotEmpty();

    Map<String, Integer> codes = tamper(env, r::open);

    assertThat(codes).containsKeys("GDX-2001", "GDX-2101");
    assertThat(codes).doesNotContainKey("GDX-2303");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void verify_everySingleByteChangeOfASignedEnvelope_rejected(Suite suite) {
    TestPki pki = TestPki.of(suite);
    byte[] env =
        pki.sender()
            .sign(TestPki.headers().build(), "{\"id\":1}".getBytes(StandardCharsets.UTF_8))
            .toBytes();
    EnvelopeCodec r = forgetfulReceiver(pki);
    assertThat(r.verify(env).payload()).isNotEmpty();

    Map<String, Integer> codes = tamper(env, r::verify);

    assertThat(codes).containsKeys("GDX-2001", "GDX-2102");
    assertThat(codes).doesNotContainKey("GDX-2303");
  }
}
