package io.github.govdx.spring.internal;

import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.KeyPairs;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Loads and first-runs govdx's heavy libraries on a background thread as the application starts, while Spring
 * prepares its environment and context on the main thread, so that the auto-configuration later finds them warm:
 * the national code tables, then, once the environment is prepared, the department's configured credentials and
 * trust anchors themselves ({@link StartupPreload}: the beans take that result) or, without them, Bouncy Castle
 * (an SM2 key pair and a self-signed certificate, written as PEM and read back), then OkHttp (with its Kotlin
 * runtime; the JDK's TLS stack only for an {@code https} endpoint), the client's pipeline (a client built with
 * sealing off, never called) and, when present, the Micrometer and OpenTelemetry bindings: only what the beans
 * build at start-up. The same idea as Spring Boot's own {@code
 * BackgroundPreinitializer}. Off with {@code -Dgovdx.preinitialize=false}, and on machines with one processor.
 * Failures of the warm-up are ignored (the auto-configuration reports real problems).
 */
public final class GovdxBackgroundPreinitializer
    implements ApplicationListener<SpringApplicationEvent>, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(GovdxBackgroundPreinitializer.class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static volatile @Nullable ExecutorService executor;

  /** Creates the listener (registered in {@code META-INF/spring.factories}). */
  public GovdxBackgroundPreinitializer() {}

  /**
   * After Boot's own listeners, so that the environment has its configuration data when it is read.
   *
   * @return the lowest precedence
   */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void onApplicationEvent(SpringApplicationEvent event) {
    if (event instanceof ApplicationStartingEvent) {
      if ("false".equals(System.getProperty("govdx.preinitialize"))
          || Runtime.getRuntime().availableProcessors() < 2
          || !STARTED.compareAndSet(false, true)) {
        return;
      }
      ExecutorService e =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "govdx-preinitializer");
                t.setDaemon(true);
                return t;
              });
      executor = e;
      e.execute(() -> warm(GovdxBackgroundPreinitializer::warmParty));
    } else if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
      ExecutorService e = executor;
      executor = null;
      if (e == null) {
        return;
      }
      ConfigurableEnvironment environment = prepared.getEnvironment();
      boolean https =
          String.valueOf(environment.getProperty("govdx.endpoint")).startsWith("https:");
      e.execute(
          () -> {
            boolean credentials = false;
            try {
              credentials = StartupPreload.run(environment);
            } catch (RuntimeException | LinkageError ex) {
              LOG.debug("govdx pre-loading skipped: {}", ex.toString());
            }
            if (!credentials) {
              warm(GovdxBackgroundPreinitializer::warmBouncyCastle);
            }
            warm(() -> warmClient(https));
          });
      e.shutdown();
    } else if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
      StartupPreload.clear();
    }
  }

  private static boolean present(ClassLoader cl, String name) {
    try {
      Class.forName(name, false, cl);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static void warm(Runnable step) {
    long start = System.nanoTime();
    try {
      step.run();
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("govdx pre-initialisation stopped: {}", e.toString());
    }
    LOG.debug("govdx pre-initialised a step in {} ms", (System.nanoTime() - start) / 1_000_000);
  }

  /** The code tables behind GB 32100 (the party id bean comes first). */
  private static void warmParty() {
    io.github.govdx.core.party.PartyId.parse("11320500014160478L");
  }

  /**
   * Bouncy Castle, when no credentials were preloaded: a throwaway key pair and certificate written as PEM and read
   * back the way {@code govdx.credentials.*} are read.
   */
  private static void warmBouncyCastle() {
    KeyPair kp = KeyPairs.generate(Suite.GM);
    Instant now = Instant.now();
    java.security.cert.X509Certificate cert =
        Certificates.selfSignedCa("govdx warm-up", kp, now, now.plus(Duration.ofMinutes(1)));
    io.github.govdx.crypto.key.Pem.readPrivateKey(
        io.github.govdx.crypto.key.Pem.write(kp.getPrivate()));
    io.github.govdx.crypto.key.Pem.readCertificates(io.github.govdx.crypto.key.Pem.write(cert));
  }

  /**
   * The client (OkHttp with its Kotlin runtime, the pipeline; sealing off, never called), the JDK's TLS stack only
   * for an {@code https} endpoint, and the meter and trace bindings when present: what the beans build at start-up,
   * nothing more (warming what start-up does not use would only take the second core from it).
   */
  private static void warmClient(boolean https) {
    io.github.govdx.client.ExchangeClient.builder()
        .endpoint(java.net.URI.create("http://127.0.0.1:9/"))
        .party(io.github.govdx.core.party.PartyId.parse("11320500014160478L"))
        .sealing(false)
        .build()
        .close();
    if (https) {
      new okhttp3.OkHttpClient(); // the JDK's TLS stack and trust store
    }
    ClassLoader cl = GovdxBackgroundPreinitializer.class.getClassLoader();
    if (present(cl, "io.micrometer.core.instrument.simple.SimpleMeterRegistry")) {
      WithMicrometer.warm();
    }
    if (present(cl, "io.opentelemetry.api.OpenTelemetry")) {
      WithOpenTelemetry.warm();
    }
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
