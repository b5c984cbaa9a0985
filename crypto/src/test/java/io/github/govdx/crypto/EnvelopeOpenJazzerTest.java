package io.github.govdx.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.govdx.core.GovdxException;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.TrustStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of the receiving side of {@link EnvelopeCodec}: arbitrary bytes given to {@code open}
 * (sealed), {@code verify} (signed), {@link Envelope#parse(byte[])} and {@code openStream}, by a receiver holding the
 * committed test keys of both suites (the keys and clock of the committed vectors, so the corpus's valid envelopes
 * open). Contract: each call returns, or throws a {@link GovdxException} with a {@code GDX-} code — never another
 * exception, a stack overflow, running out of memory or a hang. Corpus in
 * {@code src/test/resources/io/github/govdx/crypto/EnvelopeOpenJazzerTestInputs/}; docs/security.md, "Fuzzing".
 */
class EnvelopeOpenJazzerTest {

  private static final Pattern CODE = Pattern.compile("GDX-[0-9]{4}");
  private static final Map<Suite, EnvelopeCodec> RECEIVERS = new EnumMap<>(Suite.class);

  static {
    for (Suite suite : Suite.values()) {
      String p = "keys/test-" + suite.name().toLowerCase(Locale.ROOT) + "-";
      PartyCredentials b =
          PartyCredentials.builder()
              .partyId(TestPki.B)
              .privateKey(Pem.readPrivateKey(resource(p + "receiver.key.pem")))
              .certificateChain(Pem.readCertificates(resource(p + "receiver.crt.pem")))
              .build();
      RECEIVERS.put(
          suite,
          EnvelopeCodec.builder()
              .credentials(b)
              .clock(TestPki.CLOCK)
              .trustStore(TrustStore.of(Pem.readCertificates(resource(p + "ca.crt.pem"))))
              .build());
    }
  }

  private static String resource(String name) {
    try (InputStream in = EnvelopeOpenJazzerTest.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest
  void open(byte[] envelope) {
    for (EnvelopeCodec receiver : RECEIVERS.values()) {
      handledOrRefused(() -> receiver.open(envelope));
      handledOrRefused(() -> receiver.verify(envelope));
    }
    handledOrRefused(() -> Envelope.parse(envelope).toBytes());
  }

  @FuzzTest
  void openStream(byte[] stream) {
    for (EnvelopeCodec receiver : RECEIVERS.values()) {
      handledOrRefused(
          () -> receiver.openStream(new ByteArrayInputStream(stream), new ByteArrayOutputStream()));
    }
  }

  private static void handledOrRefused(Runnable action) {
    try {
      action.run();
    } catch (GovdxException e) {
      if (!CODE.matcher(e.code()).matches() || !e.getMessage().startsWith(e.code() + ": ")) {
        throw new AssertionError("a GovdxException without a GDX- code: " + e.getMessage(), e);
      }
    }
  }
}
