package io.github.govdx.spring;

import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.crypto.evidence.EvidenceLog;
import io.github.govdx.crypto.evidence.EvidenceStore;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.spring.internal.SingleRole;
import io.github.govdx.store.jdbc.JdbcStores;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * govdx-store-jdbc on the application's {@link DataSource}: {@link JdbcStores} when {@code govdx.store.type=jdbc}
 * or the outbox is enabled, and then (for {@code jdbc}) the replay cache, nonce cache, idempotency store and the
 * shared evidence chain. Tables are created at start-up with {@code govdx.store.jdbc.create-tables=true}.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
    before = GovdxAutoConfiguration.class)
@ConditionalOnClass({JdbcStores.class, DataSource.class})
@EnableConfigurationProperties(GovdxProperties.class)
public class GovdxJdbcStoreAutoConfiguration {

  /** Creates the auto-configuration. */
  public GovdxJdbcStoreAutoConfiguration() {}

  /**
   * The JDBC stores on the application's data source.
   *
   * @param properties the properties
   * @param dataSource the application's data source
   * @param clock the application's clock, if any
   * @return the stores
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(DataSource.class)
  @Conditional(JdbcWanted.class)
  public JdbcStores govdxJdbcStores(
      GovdxProperties properties, DataSource dataSource, ObjectProvider<Clock> clock) {
    JdbcStores stores =
        JdbcStores.builder()
            .dataSource(dataSource)
            .tablePrefix(properties.store().jdbc().tablePrefix())
            .durableClaims(properties.store().jdbc().durableClaims())
            .clock(GovdxAutoConfiguration.clock(clock))
            .build();
    if (properties.store().jdbc().createTables()) {
      stores.createTables();
    }
    return stores;
  }

  /** The SPI beans for {@code govdx.store.type=jdbc}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "govdx.store.type", havingValue = "jdbc")
  @ConditionalOnBean(DataSource.class)
  static class Spis {

    @Bean
    @ConditionalOnMissingBean
    ReplayCache govdxReplayCache(JdbcStores stores) {
      return SingleRole.replayCache(stores.replayCache());
    }

    @Bean
    @ConditionalOnMissingBean
    NonceCache govdxNonceCache(JdbcStores stores) {
      return SingleRole.nonceCache(stores.nonceCache());
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotencyStore govdxIdempotencyStore(JdbcStores stores) {
      return stores.idempotencyStore();
    }

    @Bean
    @ConditionalOnMissingBean
    EvidenceStore govdxEvidenceStore(JdbcStores stores, GovdxProperties properties) {
      return stores.evidenceStore(properties.store().jdbc().evidenceChain());
    }

    @Bean
    @ConditionalOnMissingBean
    EvidenceLog govdxEvidenceLog(EvidenceStore store, ObjectProvider<Clock> clock) {
      return EvidenceLog.create(store, GovdxAutoConfiguration.clock(clock));
    }
  }

  /**
   * The transactional inbox ({@code govdx.provider.inbox-transactions=true} with the jdbc store): each push's
   * idempotency claims, handler and stored answer in one transaction ({@code JdbcStores.inboxTransactions()};
   * the handler writes through {@code JdbcStores.currentConnection()}).
   *
   * @param stores the JDBC stores
   * @return the customizer of the provider endpoint
   */
  @Bean
  @ConditionalOnProperty(name = "govdx.provider.inbox-transactions", havingValue = "true")
  @ConditionalOnBean(DataSource.class)
  @Conditional(JdbcWanted.class)
  public ProviderEndpointCustomizer govdxInboxTransactions(JdbcStores stores) {
    return b -> b.inboxTransactions(stores.inboxTransactions());
  }

  /** JDBC stores are wanted for the jdbc store type or for the outbox. */
  static final class JdbcWanted extends AnyNestedCondition {
    JdbcWanted() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(name = "govdx.store.type", havingValue = "jdbc")
    static final class StoreType {}

    @ConditionalOnProperty(name = "govdx.outbox.enabled", havingValue = "true")
    static final class Outbox {}
  }
}
