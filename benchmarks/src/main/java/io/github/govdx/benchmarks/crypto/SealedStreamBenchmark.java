package io.github.govdx.benchmarks.crypto;

import io.github.govdx.benchmarks.GmBenchPki;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.key.InMemoryPartyDirectory;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sealed streams against the bare cipher, in one run: {@link #rawSm4Gcm()} is Bouncy Castle's plain SM4-GCM over
 * the same bytes in one GCM (1 MiB updates); {@link #govdxSm4Gcm()} is govdx's chunked SM4-GCM alone on every core; {@link #seal()} is govdx's GM sealed stream of them (SM4-GCM per 1 MiB
 * chunk, SM3 of the plaintext, header and trailer signatures); {@link #open()} is the receiver's open of it.
 * Each operation handles {@code size} bytes; MB/s = size × ops/s. {@code openssl speed -evp sm4-cbc} is the native
 * reference recorded beside the figures in docs/performance.md.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar SealedStreamBenchmark -f 1 -wi 2 -i 5 -w 3s -r 5s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SealedStreamBenchmark {

  private static final PartyId A = PartyId.parse("11320500014160478L");
  private static final PartyId B = PartyId.parse("91350100M000100Y43");

  /** Bytes per operation. */
  @Param({"67108864"})
  public int size;

  private byte[] data;
  private byte[] sealed;
  private EnvelopeCodec sender;
  private EnvelopeCodec receiver;
  private final byte[] key = new byte[16];
  private final byte[] iv = new byte[12];

  private java.util.concurrent.ExecutorService pool;

  /** Keys, codecs, the data and one sealed stream of it. */
  @Setup
  public void setup() {
    pool =
        java.util.concurrent.Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors());
    data = new byte[size];
    new java.util.Random(7).nextBytes(data);
    GmBenchPki pki = new GmBenchPki();
    PartyCredentials a = pki.party(A);
    PartyCredentials b = pki.party(B);
    TrustStore trust = pki.trustStore();
    sender =
        EnvelopeCodec.builder()
            .credentials(a)
            .trustStore(trust)
            .directory(InMemoryPartyDirectory.builder().add(b.certificate()).build())
            .build();
    receiver =
        EnvelopeCodec.builder()
            .credentials(b)
            .trustStore(trust)
            .clockSkew(Duration.ofDays(1))
            .replayCache((id, exp) -> true)
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + (1 << 20));
    sender.sealStream(headers(), new ByteArrayInputStream(data), out);
    sealed = out.toByteArray();
  }

  private static RoutingHeaders headers() {
    return RoutingHeaders.builder()
        .messageId(UUID.randomUUID().toString())
        .sender(A)
        .receiver(B)
        .resourceCode("335001001/00012")
        .action("push")
        .build();
  }

  /** Stops the pool of {@link #govdxSm4Gcm()}. */
  @org.openjdk.jmh.annotations.TearDown
  public void tearDown() {
    pool.shutdown();
  }

  /**
   * govdx's SM4-GCM as a sealed stream uses it, without the rest of the format: each 1 MiB chunk encrypted under
   * its own IV with {@code Sm4Gcm} (table-driven SM4, 8 KiB GHASH tables), the chunks spread over one thread per
   * core. The reference for the sealed stream's own throughput (target: seal and open at least 0.8× this).
   *
   * @return bytes produced
   * @throws Exception if a chunk fails
   */
  @Benchmark
  public long govdxSm4Gcm() throws Exception {
    int chunk = 1 << 20;
    java.util.List<java.util.concurrent.Future<Integer>> parts = new java.util.ArrayList<>();
    for (int off = 0; off < data.length; off += chunk) {
      int from = off;
      int len = Math.min(chunk, data.length - off);
      parts.add(
          pool.submit(
              () -> {
                byte[] nonce = iv.clone();
                nonce[8] = (byte) (from >>> 28);
                nonce[9] = (byte) (from >>> 20);
                return io.github.govdx.crypto.internal.Sm4Gcm.encrypt(
                        key,
                        nonce,
                        new byte[0],
                        java.util.Arrays.copyOfRange(data, from, from + len))
                    .length;
              }));
    }
    long total = 0;
    for (java.util.concurrent.Future<Integer> f : parts) {
      total += f.get();
    }
    return total;
  }

  /**
   * Bouncy Castle's SM4-GCM over the data, 1 MiB updates.
   *
   * @return bytes produced
   * @throws Exception never
   */
  @Benchmark
  public int rawSm4Gcm() throws Exception {
    GCMModeCipher g = GCMBlockCipher.newInstance(new SM4Engine());
    g.init(true, new AEADParameters(new KeyParameter(key), 128, iv, new byte[0]));
    byte[] out = new byte[(1 << 20) + 16];
    int total = 0;
    for (int off = 0; off < data.length; off += 1 << 20) {
      total += g.processBytes(data, off, Math.min(1 << 20, data.length - off), out, 0);
    }
    return total + g.doFinal(out, 0);
  }

  /**
   * govdx: seal the data as a GM sealed stream.
   *
   * @return plaintext bytes sealed
   */
  @Benchmark
  public long seal() {
    return sender.sealStream(
        headers(), new ByteArrayInputStream(data), OutputStream.nullOutputStream());
  }

  /**
   * govdx: open the sealed stream.
   *
   * @return plaintext bytes opened
   */
  @Benchmark
  public long open() {
    return receiver
        .openStream(new ByteArrayInputStream(sealed), OutputStream.nullOutputStream())
        .length();
  }
}
