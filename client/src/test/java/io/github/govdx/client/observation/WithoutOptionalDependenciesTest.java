package io.github.govdx.client.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DESIGN section 9: Micrometer and OpenTelemetry are optional — absent, nothing changes. The client is loaded in a
 * class loader whose class path is this test's minus every Micrometer and OpenTelemetry jar, then builds a client
 * with a listener and makes real calls.
 */
class WithoutOptionalDependenciesTest {

  /** Runs inside the isolated loader: a client with a listener, two real calls. */
  public static final class Probe {
    private Probe() {}

    /**
     * Makes the calls.
     *
     * @param endpoint the stub platform
     * @return what the listener heard
     */
    public static String run(String endpoint) {
      List<String> heard = new ArrayList<>();
      try (io.github.govdx.client.ExchangeClient c =
          io.github.govdx.client.ExchangeClient.builder()
              .endpoint(java.net.URI.create(endpoint))
              .party(io.github.govdx.client.Fixtures.HOTLINE)
              .sealing(false)
              .addCallListener(
                  new CallListener() {
                    @Override
                    public void callCompleted(CallOutcome outcome) {
                      heard.add(outcome.operation() + " " + outcome.outcome().tagValue());
                    }
                  })
              .build()) {
        c.subscriptions().unsubscribe("a");
        try {
          c.subscriptions().unsubscribe("b");
        } catch (io.github.govdx.client.ExchangeException e) {
          heard.add(e.code());
        }
      }
      return String.join(", ", heard);
    }
  }

  private static boolean optional(String entry) {
    String e = entry.replace('\\', '/');
    return e.contains("/io/micrometer/")
        || e.contains("/io/opentelemetry/")
        || e.contains("/org/hdrhistogram/")
        || e.contains("/org/latencyutils/");
  }

  @Test
  void clientWithoutMicrometerOrOpenTelemetry_buildsAndCalls_asBefore() throws Exception {
    List<URL> urls = new ArrayList<>();
    int dropped = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (optional(entry)) {
        dropped++;
      } else {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    assertThat(dropped).as("the test class path has the optional jars to drop").isPositive();
    try (StubPlatform platform = new StubPlatform();
        URLClassLoader isolated =
            new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      platform.statuses.add(204);
      platform.statuses.add(404);
      assertThatThrownBy(() -> isolated.loadClass("io.micrometer.core.instrument.MeterRegistry"))
          .isInstanceOf(ClassNotFoundException.class);
      assertThatThrownBy(() -> isolated.loadClass("io.opentelemetry.api.OpenTelemetry"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> probe = isolated.loadClass(Probe.class.getName());
      assertThat(probe.getClassLoader()).isSameAs(isolated);
      Object heard = probe.getMethod("run", String.class).invoke(null, platform.uri().toString());
      assertThat(heard)
          .isEqualTo("subscriptions.delete success, subscriptions.delete refused, GDX-3203");
      assertThat(platform.requests)
          .allSatisfy(
              h -> assertThat(h.keySet()).noneMatch(k -> k.equalsIgnoreCase("traceparent")));
    }
  }
}
