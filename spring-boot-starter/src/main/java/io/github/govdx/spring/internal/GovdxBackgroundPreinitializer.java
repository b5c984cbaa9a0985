package io.github.govdx.spring.internal;

import io.github.govdx.core.codes.CodeTableRegistry;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.KeyPairs;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Loads and first-runs govdx's heavy libraries on a background thread as the application starts, while Spring
 * prepares its environment and context on the main thread, so that the auto-configuration later finds them warm:
 * the national code tables, Bouncy Castle (an SM2 key pair and a self-signed certificate, written as PEM and read
 * back), OkHttp (with its Kotlin runtime and the JDK's TLS stack), Nimbus, the client's pipeline (a client built with sealing off, never called) and, when present, the
 * Micrometer and OpenTelemetry bindings. The same idea as Spring Boot's own {@code BackgroundPreinitializer}; nothing it makes is kept.
 * Off with {@code -Dgovdx.preinitialize=false}, and on machines with one processor. Failures are ignored (the
 * auto-configuration reports real problems).
 */
public final class GovdxBackgroundPreinitializer
    implements ApplicationListener<ApplicationStartingEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(GovdxBackgroundPreinitializer.class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  /** Creates the listener (registered in {@code META-INF/spring.factories}). */
  public GovdxBackgroundPreinitializer() {}

  @Override
  public void onApplicationEvent(ApplicationStartingEvent event) {
    if ("false".equals(System.getProperty("govdx.preinitialize"))
        || Runtime.getRuntime().availableProcessors() < 2
        || !STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(GovdxBackgroundPreinitializer::warm, "govdx-preinitializer");
    t.setDaemon(true);
    t.start();
  }

  private static boolean present(ClassLoader cl, String name) {
    try {
      Class.forName(name, false, cl);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static void warm() {
    long start = System.nanoTime();
    try {
      // In the order the auto-configuration needs them, so the main thread finds each one ready:
      // the party id
      // (the code tables behind GB 32100), the credentials (Bouncy Castle: a throwaway key pair and
      // certificate
      // written as PEM and read back the way govdx.credentials.* are read, then checked as a pair),
      // then the
      // client (OkHttp with its Kotlin runtime, the pipeline; sealing off, never called) and JOSE.
      io.github.govdx.core.party.PartyId party =
          io.github.govdx.core.party.PartyId.parse("11320500014160478L");
      KeyPair kp = KeyPairs.generate(Suite.GM);
      Instant now = Instant.now();
      java.security.cert.X509Certificate cert =
          Certificates.selfSignedCa("govdx warm-up", kp, now, now.plus(Duration.ofMinutes(1)));
      io.github.govdx.crypto.key.Pem.readPrivateKey(
          io.github.govdx.crypto.key.Pem.write(kp.getPrivate()));
      io.github.govdx.crypto.key.Pem.readCertificates(io.github.govdx.crypto.key.Pem.write(cert));
      io.github.govdx.client.ExchangeClient.builder()
          .endpoint(java.net.URI.create("http://127.0.0.1:9/"))
          .party(party)
          .sealing(false)
          .build()
          .close();
      new okhttp3.OkHttpClient(); // the JDK's TLS stack and trust store, for an https endpoint
      new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.ES256)
          .build()
          .toBase64URL();
      CodeTableRegistry.defaultRegistry();
      ClassLoader cl = GovdxBackgroundPreinitializer.class.getClassLoader();
      if (present(cl, "io.micrometer.core.instrument.simple.SimpleMeterRegistry")) {
        WithMicrometer.warm();
      }
      if (present(cl, "io.opentelemetry.api.OpenTelemetry")) {
        WithOpenTelemetry.warm();
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("govdx pre-initialisation stopped: {}", e.toString());
    }
    LOG.debug("govdx pre-initialised in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * The Micrometer warm-up, in its own class: its code names Micrometer types, so it is loaded (and verified) only
   * when Micrometer is on the class path; the listener itself must load without it.
   */
  private static final class WithMicrometer {
    static void warm() {
      io.github.govdx.client.metrics.GovdxMeters.create(
          new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }
  }

  /** The OpenTelemetry warm-up, in its own class for the same reason. */
  private static final class WithOpenTelemetry {
    static void warm() {
      io.github.govdx.client.ExchangeClient.builder()
          .endpoint(java.net.URI.create("http://127.0.0.1:9/"))
          .party(io.github.govdx.core.party.PartyId.parse("11320500014160478L"))
          .sealing(false)
          .openTelemetry(io.opentelemetry.api.OpenTelemetry.noop())
          .build()
          .close();
    }
  }
}
