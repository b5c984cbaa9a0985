package io.github.govdx.benchmarks.client;

import io.github.govdx.client.auth.AuthenticatedRequest;
import io.github.govdx.client.auth.GatewaySecret;
import io.github.govdx.client.auth.GovdxHmacAuthenticator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * govdx HMAC-SM3 signing of a request with a 1 KiB body (body read, SM3 body digest, canonical path and query,
 * HMAC-SM3 of the signing string, request rebuilt with four headers) against raw Bouncy Castle
 * {@code HMac(new SM3Digest())} over the same 1 KiB, and against the minimum crypto the scheme needs (SM3 of the
 * body, hex-encoded into a signing string of the scheme's length, then HMAC-SM3).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GatewayAuthBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}.
 * Not thread-safe (JMH state per thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GatewayAuthBenchmark {

  private byte[] body;
  private byte[] key;
  private byte[] signingStringBytes;
  private Request request;
  private GovdxHmacAuthenticator authenticator;
  private GovdxHmacAuthenticator fixedNonceAuthenticator;

  /** Builds a 1 KiB random body, the request and the authenticator. */
  @Setup
  public void setUp() {
    body = new byte[1024];
    new Random(1).nextBytes(body);
    key = "benchmark-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    request =
        new Request.Builder()
            .url("https://gw.example/v1/data/query?resource=R1&page=2&size=100")
            .post(RequestBody.create(body, MediaType.get("application/json")))
            .build();
    authenticator =
        GovdxHmacAuthenticator.builder()
            .keyId("dept-42")
            .secret(GatewaySecret.of(key))
            .clock(Clock.fixed(Instant.parse("2024-11-24T12:00:00Z"), ZoneOffset.UTC))
            .build();
    fixedNonceAuthenticator =
        GovdxHmacAuthenticator.builder()
            .keyId("dept-42")
            .secret(GatewaySecret.of(key))
            .clock(Clock.fixed(Instant.parse("2024-11-24T12:00:00Z"), ZoneOffset.UTC))
            .nonceSupplier(() -> "0123456789abcdef0123456789abcdef")
            .build();
    signingStringBytes =
        authenticator
            .authenticate(request)
            .signingString()
            .orElseThrow()
            .getBytes(StandardCharsets.UTF_8);
  }

  /** govdx: the full {@code authenticate} call. */
  @Benchmark
  public AuthenticatedRequest govdxHmacSm3Sign() {
    return authenticator.authenticate(request);
  }

  /** govdx: the full {@code authenticate} call with a constant nonce, to show the cost of the random nonce. */
  @Benchmark
  public AuthenticatedRequest govdxHmacSm3SignFixedNonce() {
    return fixedNonceAuthenticator.authenticate(request);
  }

  /** Raw BC: HMAC-SM3 over the 1 KiB body. */
  @Benchmark
  public byte[] rawBcHmacSm3Body() {
    HMac mac = new HMac(new SM3Digest());
    mac.init(new KeyParameter(key));
    mac.update(body, 0, body.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  /** Raw BC: SM3 of the body, then HMAC-SM3 over a signing string of the scheme's length ending in its hex. */
  @Benchmark
  public byte[] rawBcSm3BodyThenHmacSm3() {
    SM3Digest digest = new SM3Digest();
    digest.update(body, 0, body.length);
    byte[] bodyDigest = new byte[32];
    digest.doFinal(bodyDigest, 0);
    byte[] hex = HexFormat.of().formatHex(bodyDigest).getBytes(StandardCharsets.US_ASCII);
    HMac mac = new HMac(new SM3Digest());
    mac.init(new KeyParameter(key));
    mac.update(signingStringBytes, 0, signingStringBytes.length - hex.length);
    mac.update(hex, 0, hex.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }
}
