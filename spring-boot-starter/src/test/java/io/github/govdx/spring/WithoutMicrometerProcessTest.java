package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application whose class path has neither Micrometer nor OpenTelemetry starts with the starter's listeners
 * (the pre-initializer once named Micrometer types in its own code and failed to load there): a real JVM on the
 * test class path minus those jars, because a filtering class loader inside this JVM would not reproduce it.
 */
class WithoutMicrometerProcessTest {

  /** The application. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  /**
   * Starts the application (no web server, govdx's auto-configurations excluded: only the listeners matter).
   *
   * @param args ignored
   */
  public static void main(String[] args) throws Exception {
    SpringApplication app = new SpringApplication(App.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    try (ConfigurableApplicationContext c =
        app.run(
            "--spring.autoconfigure.exclude=io.github.govdx.spring.GovdxAutoConfiguration,"
                + "io.github.govdx.spring.GovdxHealthAutoConfiguration,"
                + "io.github.govdx.spring.GovdxObservabilityAutoConfiguration")) {
      Thread.sleep(2_000); // let the pre-initializer run its course in this JVM
      System.out.println("STARTED " + c.getBeanDefinitionCount());
    }
  }

  @Test
  void starts_withoutMicrometerAndOpenTelemetryOnTheClassPath() throws Exception {
    String cp =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> !e.contains("micrometer") && !e.contains("opentelemetry"))
            .collect(Collectors.joining(File.pathSeparator));
    assertThat(cp).doesNotContain("micrometer-core");
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    cp,
                    WithoutMicrometerProcessTest.class.getName()))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(out).doesNotContain("NoClassDefFoundError").contains("STARTED");
    assertThat(p.exitValue()).as(out).isZero();
  }
}
