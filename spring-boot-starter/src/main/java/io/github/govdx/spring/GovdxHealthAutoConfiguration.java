package io.github.govdx.spring;

import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.spring.internal.ConfigChecks;
import io.github.govdx.spring.internal.GovdxHealth;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@code govdx} Actuator health contributor (when spring-boot-actuator is on the class path and {@code
 * management.health.govdx.enabled} is not {@code false}), with the components {@code credentials} (DOWN when the
 * certificate is expired or not yet valid, a warning within {@code govdx.health.certificate-warning}), {@code
 * stores} (a round trip on the replay cache of the configured store), {@code exchange} (a GET to the endpoint with
 * a short timeout; when {@code govdx.endpoint} is set) and, with the outbox, {@code outbox} (backlog, dead entries and oldest age against thresholds).
 */
@AutoConfiguration(after = {GovdxAutoConfiguration.class, GovdxOutboxAutoConfiguration.class})
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBean(PartyCredentials.class)
@ConditionalOnProperty(name = "management.health.govdx.enabled", matchIfMissing = true)
@EnableConfigurationProperties(GovdxProperties.class)
public class GovdxHealthAutoConfiguration {

  /** Creates the auto-configuration. */
  public GovdxHealthAutoConfiguration() {}

  /**
   * The {@code govdx} contributor.
   *
   * @param properties the properties
   * @param credentials the credentials
   * @param replayCache the replay cache, if any
   * @param outbox the outbox, if any
   * @param clock the application's clock, if any
   * @return the composite contributor
   */
  @Bean
  @ConditionalOnMissingBean(name = "govdxHealthContributor")
  public CompositeHealthContributor govdxHealthContributor(
      GovdxProperties properties,
      PartyCredentials credentials,
      ObjectProvider<ReplayCache> replayCache,
      ObjectProvider<Outbox> outbox,
      ObjectProvider<Clock> clock) {
    Clock c = GovdxAutoConfiguration.clock(clock);
    GovdxProperties.Health h = properties.health();
    Map<String, HealthContributor> parts = new LinkedHashMap<>();
    parts.put("credentials", GovdxHealth.credentials(credentials, h.certificateWarning(), c));
    ReplayCache replay = replayCache.getIfAvailable();
    if (replay != null) {
      parts.put("stores", GovdxHealth.stores(replay, properties.store().type(), c));
    }
    if (properties.endpoint() != null) {
      parts.put(
          "exchange", GovdxHealth.exchange(ConfigChecks.endpoint(properties), h.exchangeTimeout()));
    }
    Outbox o = outbox.getIfAvailable();
    if (o != null) {
      parts.put(
          "outbox",
          GovdxHealth.outbox(o, h.outboxMaxPending(), h.outboxMaxDead(), h.outboxMaxAge(), c));
    }
    return CompositeHealthContributor.fromMap(parts);
  }
}
