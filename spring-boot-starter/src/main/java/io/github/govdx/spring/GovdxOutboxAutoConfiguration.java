package io.github.govdx.spring;

import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.crypto.evidence.EvidenceLog;
import io.github.govdx.spring.internal.OutboxLifecycle;
import io.github.govdx.store.jdbc.JdbcStores;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The durable outbox ({@code govdx.outbox.enabled=true}) on the JDBC outbox store of the application's {@code
 * DataSource}: started when the context starts, stopped (waiting for deliveries in flight) when it stops. With
 * {@code govdx.store.type=jdbc} it also appends to the shared evidence chain.
 */
@AutoConfiguration(after = {GovdxAutoConfiguration.class, GovdxJdbcStoreAutoConfiguration.class})
@ConditionalOnClass(JdbcStores.class)
@ConditionalOnProperty(name = "govdx.outbox.enabled", havingValue = "true")
@EnableConfigurationProperties(GovdxProperties.class)
public class GovdxOutboxAutoConfiguration {

  /** Creates the auto-configuration. */
  public GovdxOutboxAutoConfiguration() {}

  /**
   * The outbox.
   *
   * @param properties the properties
   * @param client the client that seals and delivers
   * @param stores the JDBC stores
   * @param evidence the evidence log, if any
   * @param customizers the customizers
   * @param clock the application's clock, if any
   * @return the outbox (not yet started)
   */
  @Bean
  @ConditionalOnMissingBean
  public Outbox govdxOutbox(
      GovdxProperties properties,
      ExchangeClient client,
      ObjectProvider<JdbcStores> stores,
      ObjectProvider<EvidenceLog> evidence,
      ObjectProvider<OutboxCustomizer> customizers,
      ObjectProvider<Clock> clock) {
    JdbcStores jdbc = stores.getIfAvailable();
    if (jdbc == null) {
      throw new GovdxConfigurationException(
          SpringErrorCode.STORE_UNAVAILABLE,
          "govdx.outbox.enabled",
          "the outbox needs a DataSource bean and govdx-store-jdbc, and there is none",
          "Add a DataSource (e.g. spring-boot-starter-jdbc and spring.datasource.url) and govdx-store-jdbc,"
              + " or set govdx.outbox.enabled=false.",
          null);
    }
    GovdxProperties.Outbox o = properties.outbox();
    Outbox.Builder b;
    try {
      b =
          Outbox.builder()
              .client(client)
              .store(jdbc.outboxStore())
              .pollInterval(o.pollInterval())
              .lease(o.lease())
              .batchSize(o.batchSize())
              .workers(o.workers())
              .maxAge(o.maxAge())
              .clock(GovdxAutoConfiguration.clock(clock));
    } catch (IllegalArgumentException e) {
      throw new GovdxConfigurationException(
          SpringErrorCode.PROPERTY_INVALID,
          "govdx.outbox",
          e.getMessage() == null ? "invalid outbox settings" : e.getMessage(),
          "Check govdx.outbox.* against docs/spring-boot.md.",
          e);
    }
    EvidenceLog log = evidence.getIfAvailable();
    if (log != null) {
      b.evidenceLog(log);
    }
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  /**
   * Starts and stops the outbox with the context.
   *
   * @param outbox the outbox
   * @return the lifecycle
   */
  @Bean
  @ConditionalOnMissingBean
  public OutboxLifecycle govdxOutboxLifecycle(Outbox outbox) {
    return new OutboxLifecycle(outbox);
  }
}
