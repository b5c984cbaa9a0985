package io.github.govdx.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.core.GovdxException;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.evidence.EvidenceLog;
import io.github.govdx.crypto.evidence.EvidenceLogVerifier;
import io.github.govdx.crypto.evidence.Receipt;
import io.github.govdx.crypto.key.TrustStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * A department's evidence log (证据日志, crypto {@link EvidenceLog}) fed from the wire: an OkHttp network
 * interceptor records every envelope the department's client sends (sealed) and every sealed answer it receives
 * (opened with the department's own keys), plus the provider's signed receipts. The log holds message ids,
 * parties, resource codes, actions and digests, never payloads. Thread-safe.
 */
public final class Evidence implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENVELOPE = "application/govdx-envelope+json";

  private final Path file;
  private final EvidenceLog log;
  private final EnvelopeCodec codec;
  private final TrustStore trustStore;
  private final AtomicInteger receipts = new AtomicInteger();
  private final AtomicInteger replays = new AtomicInteger();

  /**
   * Opens a new log in a temporary directory.
   *
   * @param codec the department's codec (to open the answers it receives)
   * @param trustStore the trust anchors (to verify the providers' receipts before logging them)
   */
  public Evidence(EnvelopeCodec codec, TrustStore trustStore) {
    try {
      this.file = Files.createTempDirectory("govdx-evidence-").resolve("evidence.log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.log = EvidenceLog.open(file, Clock.systemUTC());
    this.codec = codec;
    this.trustStore = trustStore;
  }

  /**
   * The log file.
   *
   * @return the path
   */
  public Path file() {
    return file;
  }

  /**
   * An HTTP client that records the envelopes on the wire; give it to the department's
   * {@code ExchangeClient} builder.
   *
   * @return the client
   */
  public OkHttpClient httpClient() {
    return new OkHttpClient.Builder().addNetworkInterceptor(this::record).build();
  }

  private Response record(Interceptor.Chain chain) throws IOException {
    Request request = chain.request();
    Envelope sent = null;
    if (request.body() != null && isEnvelope(request.body().contentType())) {
      Buffer b = new Buffer();
      request.body().writeTo(b);
      sent = Envelope.parse(b.readByteArray());
      log.recordSealed(sent);
    }
    Response response = chain.proceed(request);
    ResponseBody body = response.body();
    if (body != null && isEnvelope(body.contentType()) && response.code() < 300) {
      byte[] bytes = response.peekBody(16L * 1024 * 1024).bytes();
      try {
        OpenedMessage opened = codec.open(bytes);
        log.recordOpened(opened);
        JsonNode receipt = JSON.readTree(opened.payload()).get("receipt");
        if (receipt != null && receipt.isObject() && sent != null) {
          // crypto's Receipt: the provider's signature over the message id and digest of the push
          // as sent
          Receipt r = Receipt.parse(JSON.writeValueAsBytes(receipt));
          r.verify(sent, trustStore, Instant.now());
          log.recordReceipted(sent, r);
          receipts.incrementAndGet();
        }
      } catch (GovdxException e) {
        // a replayed answer (same envelope as before) is already in the log; a receipt that does
        // not verify is
        // not logged; the client itself judges the rest (GDX-3412 for a bad receipt)
        replays.incrementAndGet();
      }
    }
    return response;
  }

  private static boolean isEnvelope(MediaType type) {
    return type != null && (type.type() + "/" + type.subtype()).equals(ENVELOPE);
  }

  /**
   * Verifies the hash chain of the log and reports it.
   *
   * @param t the transcript
   * @return whether the log is intact
   */
  public boolean verify(Transcript t) {
    EvidenceLogVerifier.Result r = EvidenceLogVerifier.verify(file);
    t.info(
        "log %s: %d entries (%d signed receipts), head %s…",
        file.getFileName(), r.entries(), receipts.get(), r.head().substring(0, 16));
    t.check(r.intact(), "hash chain intact" + r.problem().map(p -> " — " + p).orElse(""));
    t.check(
        r.entries() > 0 && receipts.get() > 0,
        "every sealed message, answer and receipt was logged");
    return r.intact();
  }

  @Override
  public void close() {
    log.close();
  }
}
