package io.github.govdx.client.provider;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.client.EnvelopeDigest;
import io.github.govdx.client.FakeSealer;
import io.github.govdx.client.Fixtures;
import io.github.govdx.client.TestPki;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.internal.Json;
import io.github.govdx.client.internal.MessageSealer;
import io.github.govdx.client.internal.OpenedResponse;
import io.github.govdx.client.internal.Routing;
import io.github.govdx.client.internal.SealedMessage;
import io.github.govdx.core.GovdxException;
import io.github.govdx.crypto.Suite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Coverage-guided fuzzing of {@link ProviderEndpoint#handle}: arbitrary request lines, headers and bodies. Each
 * input is an HTTP-like text ({@code METHOD PATH}, then {@code Name: value} header lines, an empty line, the body
 * bytes) handed to two endpoints serving a query and a push resource: one with real envelopes (an SM2 test PKI),
 * and one whose envelopes are the cleartext stand-in {@link FakeSealer} (so that the fuzzer reaches the routing,
 * idempotency, payload, validation and handler code behind the envelope; the envelope itself is fuzzed in
 * govdx-crypto). Contract ({@code handle}'s Javadoc): never throws; every answer is 2xx with a body, or an error
 * whose JSON body's {@code code} is a {@code GDX-} code matching its message. Corpus in
 * {@code src/test/resources/io/github/govdx/client/provider/ProviderEndpointJazzerTestInputs/}.
 */
class ProviderEndpointJazzerTest {

  private static final ObjectMapper M = new ObjectMapper();
  private static final ResourceDetail DETAIL =
      Json.resourceDetail((Fixtures.DETAIL.getBytes(StandardCharsets.UTF_8)));

  /** The instant the corpus's cleartext envelopes were issued at. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

  private static final ProviderEndpoint CLEAR = endpoint(null);
  private static final ProviderEndpoint SEALED =
      endpoint(new TestPki(Suite.GM, Fixtures.HOTLINE, Fixtures.POLICE, Fixtures.OTHER));

  private static ProviderEndpoint endpoint(TestPki pki) {
    ProviderEndpoint.Builder b =
        ProviderEndpoint.builder()
            .party(Fixtures.POLICE)
            .clock(CLOCK)
            .accessPolicy(
                AccessPolicy.allowList(
                    Map.of(Fixtures.RESOURCE, Set.of(Fixtures.HOTLINE.department()))))
            .query(
                DETAIL,
                q ->
                    QueryAnswer.builder()
                        .records(
                            List.of(
                                M.createObjectNode()
                                    .put("xm", "张三")
                                    .put("sfzh", q.filter().path("sfzh").asText())
                                    .put("xb", "1")))
                        .total(1L)
                        .build())
            .push(DETAIL, p -> "b-" + p.records().size());
    if (pki == null) {
      b.messageSealer(new TolerantSealer(new FakeSealer(Fixtures.POLICE)));
    } else {
      b.credentials(pki.credentials(Fixtures.POLICE))
          .trustStore(pki.trust)
          .directory(pki.directory);
    }
    return b.build();
  }

  @FuzzTest
  void handle(byte[] input) {
    ProviderRequest request = parse(input);
    check(CLEAR.handle(request));
    check(SEALED.handle(request));
  }

  /** {@code METHOD PATH\nName: value\n…\n\nbody}; anything goes, missing parts are empty. */
  static ProviderRequest parse(byte[] input) {
    int split = indexOf(input, new byte[] {'\n', '\n'});
    String head = new String(input, 0, split < 0 ? input.length : split, StandardCharsets.UTF_8);
    byte[] body =
        split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(input, split + 2, input.length);
    String[] lines = head.split("\n", -1);
    String[] requestLine = lines[0].split(" ", 2);
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
      }
    }
    return ProviderRequest.of(
        requestLine[0], requestLine.length > 1 ? requestLine[1] : "", headers, body);
  }

  private static int indexOf(byte[] data, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= data.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (data[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void check(ProviderResponse answer) {
    if (answer.status() < 200 || answer.status() > 599) {
      throw new AssertionError("status " + answer.status());
    }
    if (answer.status() < 300) {
      return;
    }
    JsonNode body;
    try {
      body = M.readTree(answer.body());
    } catch (IOException e) {
      throw new AssertionError("an error answer that is not JSON", e);
    }
    String code = body.path("code").asText();
    if (!code.matches("GDX-[0-9]{4}")
        || !body.path("message").asText().startsWith(code + ": ")
        || !body.path("source").asText().equals("provider")) {
      throw new AssertionError("an error answer without a GDX- code: " + body);
    }
  }

  /**
   * The cleartext stand-in with its own shortcuts closed: it parses routing headers loosely (a malformed instant
   * or party id throws from the stand-in, which the real codec reports as a coded envelope error), so such
   * failures become the coded refusal the real codec would give, and only the endpoint's own behaviour counts.
   */
  private static final class TolerantSealer implements MessageSealer {
    private final FakeSealer fake;

    TolerantSealer(FakeSealer fake) {
      this.fake = fake;
    }

    private static GovdxException bad(RuntimeException e) {
      return new GovdxException(FakeSealer.FakeCode.BAD, "stand-in envelope: " + e, e);
    }

    @Override
    public SealedMessage seal(Routing routing, byte[] payload) {
      return fake.seal(routing, payload);
    }

    @Override
    public OpenedResponse open(byte[] envelope, boolean replayCheck) {
      try {
        return fake.open(envelope, replayCheck);
      } catch (GovdxException e) {
        throw e;
      } catch (RuntimeException e) {
        throw bad(e);
      }
    }

    @Override
    public OpenedResponse openClaimed(byte[] envelope) {
      return open(envelope, false);
    }

    @Override
    public EnvelopeDigest digest(byte[] envelope) {
      return fake.digest(envelope);
    }

    @Override
    public String messageId(byte[] envelope) {
      try {
        return fake.messageId(envelope);
      } catch (GovdxException e) {
        throw e;
      } catch (RuntimeException e) {
        throw bad(e);
      }
    }

    @Override
    public Optional<io.github.govdx.crypto.evidence.Receipt> verifyReceipt(
        JsonNode receipt, SealedMessage sent) {
      return fake.verifyReceipt(receipt, sent);
    }

    @Override
    public Optional<io.github.govdx.crypto.evidence.Receipt> verifyReceipt(
        JsonNode receipt, SealedMessage sent, Collection<String> sentDigests) {
      return fake.verifyReceipt(receipt, sent, sentDigests);
    }

    @Override
    public JsonNode receipt(byte[] received, Routing routing, EnvelopeDigest digest) {
      return fake.receipt(received, routing, digest);
    }

    @Override
    public SealedMessage sealToSelf(Routing routing, byte[] payload) {
      return fake.sealToSelf(routing, payload);
    }

    @Override
    public OpenedResponse openOwn(byte[] envelope) {
      return open(envelope, false);
    }
  }
}
