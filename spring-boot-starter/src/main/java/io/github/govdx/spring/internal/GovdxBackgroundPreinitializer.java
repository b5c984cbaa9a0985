package io.github.govdx.spring.internal;

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
 * Loads and first-runs what govdx's beans use at start-up on a background thread as the application starts, while
 * Spring prepares its environment and context on the main thread, so that the auto-configuration later finds it
 * warm: the party-id checks, then, once the environment is prepared, the department's configured credentials and
 * trust anchors themselves ({@link StartupPreload}: the beans take that result), the client builder (a client built
 * with sealing off, never called) and, when present, the Micrometer and OpenTelemetry bindings. Nothing that start-up
 * does not use: PEM credentials and trust anchors are checked without Bouncy Castle's JCA provider, and a client
 * builds OkHttp, its pipeline and the envelope codec on its first call, so neither is warmed here (it would only
 * take the second core from the start-up). The same idea as Spring Boot's own {@code BackgroundPreinitializer}.
 * Off with {@code -Dgovdx.preinitialize=false}, and on machines with one processor. Failures of the warm-up are
 * ignored (the auto-configuration reports real problems).
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
      e.execute(
          () -> {
            try {
              StartupPreload.run(environment);
            } catch (RuntimeException | LinkageError ex) {
              LOG.debug("govdx pre-loading skipped: {}", ex.toString());
            }
            warm(GovdxBackgroundPreinitializer::warmClient);
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
   * The client builder (sealing off, never called: no OkHttp, which a client loads on its first call) and the meter
   * and trace bindings when present: what the beans build at start-up, nothing more.
   */
  private static void warmClient() {
    io.github.govdx.client.ExchangeClient.builder()
        .endpoint(java.net.URI.create("http://127.0.0.1:9/"))
        .party(io.github.govdx.core.party.PartyId.parse("11320500014160478L"))
        .sealing(false)
        .build()
        .close();
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
