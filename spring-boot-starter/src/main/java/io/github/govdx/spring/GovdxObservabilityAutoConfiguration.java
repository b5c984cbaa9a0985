package io.github.govdx.spring;

import io.github.govdx.client.metrics.GovdxMeters;
import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.crypto.key.PartyCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Meters and traces ({@code docs/observability.md}) for the auto-configured client, provider endpoint and outbox,
 * when the application has them: with a Micrometer {@code MeterRegistry} bean (Actuator), one {@link GovdxMeters}
 * listens to every call of the {@code ExchangeClient}/{@code ExchangeAsyncClient} and every request of the provider
 * endpoint, and gauges the outbox backlog and the days left on the party's certificate; with an OpenTelemetry {@code
 * OpenTelemetry} bean (Boot's tracing with the OpenTelemetry bridge), calls carry W3C {@code traceparent} and make
 * the {@code govdx call/seal/open} spans, and the provider continues the caller's trace. Absent either library or
 * bean, nothing changes. Applied through {@link ExchangeClientCustomizer} and {@link ProviderEndpointCustomizer}
 * beans, so an application's own customizers still apply.
 */
@AutoConfiguration(
    after = {GovdxAutoConfiguration.class, GovdxOutboxAutoConfiguration.class},
    afterName = {
      "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.metrics.export.prometheus.PrometheusMetricsExportAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration"
    })
public class GovdxObservabilityAutoConfiguration {

  /** Creates the auto-configuration. */
  public GovdxObservabilityAutoConfiguration() {}

  /** Micrometer meters, when the application has a {@code MeterRegistry}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  @ConditionalOnBean(MeterRegistry.class)
  public static class Metrics {

    /** Creates the configuration. */
    public Metrics() {}

    /**
     * The meters, bound to the party's certificate.
     *
     * @param registry the application's registry
     * @param credentials the party's credentials, if any
     * @return the meters
     */
    @Bean
    @ConditionalOnMissingBean
    public GovdxMeters govdxMeters(
        MeterRegistry registry, ObjectProvider<PartyCredentials> credentials) {
      GovdxMeters meters = GovdxMeters.create(registry);
      credentials.ifAvailable(meters::bindCredentials);
      return meters;
    }

    /**
     * Registers the meters as the clients' call listener.
     *
     * @param meters the meters
     * @return the customizer
     */
    @Bean
    public ExchangeClientCustomizer govdxMetersClientCustomizer(GovdxMeters meters) {
      return b -> b.addCallListener(meters);
    }

    /**
     * Registers the meters as the provider endpoint's listener.
     *
     * @param meters the meters
     * @return the customizer
     */
    @Bean
    public ProviderEndpointCustomizer govdxMetersProviderCustomizer(GovdxMeters meters) {
      return b -> b.addListener(meters);
    }

    /**
     * Gauges the outbox backlog once every singleton exists (the outbox is optional).
     *
     * @param meters the meters
     * @param outbox the outbox, if enabled
     * @return the binder
     */
    @Bean
    public SmartInitializingSingleton govdxOutboxMeters(
        GovdxMeters meters, ObjectProvider<Outbox> outbox) {
      return () -> outbox.ifAvailable(o -> meters.bindOutbox("govdx", o));
    }
  }

  /** OpenTelemetry traces, when the application has an {@code OpenTelemetry} bean. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.opentelemetry.api.OpenTelemetry")
  @ConditionalOnBean(OpenTelemetry.class)
  public static class Tracing {

    /** Creates the configuration. */
    public Tracing() {}

    /**
     * Traces the clients' calls.
     *
     * @param openTelemetry the application's OpenTelemetry
     * @return the customizer
     */
    @Bean
    public ExchangeClientCustomizer govdxTracingClientCustomizer(OpenTelemetry openTelemetry) {
      return b -> b.openTelemetry(openTelemetry);
    }

    /**
     * Traces the provider endpoint's requests, continuing the caller's trace.
     *
     * @param openTelemetry the application's OpenTelemetry
     * @return the customizer
     */
    @Bean
    public ProviderEndpointCustomizer govdxTracingProviderCustomizer(OpenTelemetry openTelemetry) {
      return b -> b.openTelemetry(openTelemetry);
    }
  }
}
