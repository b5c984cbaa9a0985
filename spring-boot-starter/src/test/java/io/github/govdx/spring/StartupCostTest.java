package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.testkit.ExchangeSandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the starter adds to an application's start-up: the same Boot application (no web server) started in fresh
 * JVMs, alternately without the govdx auto-configurations and with them (the minimal configuration of
 * docs/spring-boot.md against the sandbox), five times each; the medians of the {@code SpringApplication.run} time
 * are compared (issue 14: at most 300 ms). Opt-in ({@code -Dgovdx.startupCost=true}): it starts ten JVMs.
 */
@EnabledIfSystemProperty(named = "govdx.startupCost", matches = "true")
class StartupCostTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  /** Starts the app once and prints the milliseconds {@code run} took; args: with|without, then properties. */
  public static void main(String[] args) {
    boolean with = args[0].equals("with");
    List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
    if (!with) {
      rest.add("--spring.autoconfigure.exclude=" + String.join(",", AUTO));
    }
    SpringApplication app = new SpringApplication(App.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    app.setLogStartupInfo(false);
    org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup steps =
        new org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup(100_000);
    if (System.getProperty("govdx.startupSteps") != null) {
      app.setApplicationStartup(steps);
    }
    long start = System.nanoTime();
    try (ConfigurableApplicationContext c = app.run(rest.toArray(String[]::new))) {
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.println("BEANS=" + c.getBeanDefinitionCount());
      System.out.println("STARTUP_MS=" + ms);
      steps.getBufferedTimeline().getEvents().stream()
          .filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate"))
          .sorted((a, b) -> b.getDuration().compareTo(a.getDuration()))
          .limit(15)
          .forEach(
              e ->
                  System.out.println(
                      "STEP "
                          + e.getDuration().toMillis()
                          + " ms "
                          + e.getStartupStep().getTags().iterator().next().getValue()));
    }
  }

  private static final List<String> AUTO =
      List.of(
          GovdxAutoConfiguration.class.getName(),
          GovdxJdbcStoreAutoConfiguration.class.getName(),
          GovdxRedisStoreAutoConfiguration.class.getName(),
          GovdxOutboxAutoConfiguration.class.getName(),
          GovdxProviderAutoConfiguration.class.getName(),
          GovdxHealthAutoConfiguration.class.getName());

  private static long once(boolean with, List<String> props)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(StartupCostTest.class.getName());
    cmd.add(with ? "with" : "without");
    cmd.addAll(props);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    int i = out.indexOf("STARTUP_MS=");
    assertThat(i).as(out).isNotNegative();
    return Long.parseLong(out.substring(i + 11).lines().findFirst().orElseThrow().trim());
  }

  @Test
  void starterAddsAtMost300ms() throws Exception {
    ExchangeSandbox s = TestSandbox.get();
    Path keys = TestSandbox.keys();
    List<String> props =
        List.of(
            "--govdx.party-id=" + s.party("hotline").partyId(),
            "--govdx.endpoint=" + s.baseUri(),
            "--govdx.credentials.private-key=" + keys.resolve("test-hotline.key.pem"),
            "--govdx.credentials.certificate=" + keys.resolve("test-hotline.cert.pem"),
            "--govdx.trust.anchors=" + keys.resolve("test-ca.cert.pem"),
            "--govdx.gateway.scheme=govdx-hmac",
            "--govdx.gateway.key-id=" + s.party("hotline").gatewayKeyId(),
            "--govdx.gateway.secret=" + s.party("hotline").gatewaySecretBase64());
    List<Long> with = new ArrayList<>();
    List<Long> without = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      without.add(once(false, props));
      with.add(once(true, props));
    }
    Collections.sort(with);
    Collections.sort(without);
    long delta = with.get(2) - without.get(2);
    System.out.println(
        "startup without govdx "
            + without
            + " ms, with "
            + with
            + " ms; median difference "
            + delta
            + " ms");
    assertThat(delta).isLessThanOrEqualTo(300);
  }
}
