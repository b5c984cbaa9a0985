package io.github.govdx.spring;

import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.PartyDirectory;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.servlet.ProviderServlet;
import io.github.govdx.spring.internal.ProviderResources;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The provider side ({@code govdx.provider.enabled=true}): a {@link ProviderEndpoint} serving every {@code
 * QueryHandler} and {@code PushHandler} bean annotated with {@link GovdxResource} and every {@link
 * ProviderRegistration} bean, with the configured credentials, trust store, replay cache and idempotency store,
 * served by govdx-servlet's {@link ProviderServlet} at {@code govdx.provider.path} ({@code /v1/data/*}); with
 * {@code FileHandler} beans ({@link GovdxResource}) it also receives files delivered by the platform at {@code
 * govdx.provider.transfers-path} ({@code /v1/transfers/*}), spooled in {@code govdx.provider.transfer-spool}.
 */
@AutoConfiguration(
    after = {
      GovdxAutoConfiguration.class,
      GovdxJdbcStoreAutoConfiguration.class,
      GovdxRedisStoreAutoConfiguration.class
    })
@ConditionalOnProperty(name = "govdx.provider.enabled", havingValue = "true")
@EnableConfigurationProperties(GovdxProperties.class)
public class GovdxProviderAutoConfiguration {

  /** Creates the auto-configuration. */
  public GovdxProviderAutoConfiguration() {}

  /**
   * The provider endpoint.
   *
   * @param context the context, to find the handler beans
   * @param party the party
   * @param credentials the credentials
   * @param trustStore the trust store
   * @param directory where callers' certificates come from
   * @param replayCache the replay cache of the configured store
   * @param idempotencyStore the idempotency store of the configured store
   * @param client the client, to fetch catalog details
   * @param customizers the customizers
   * @param clock the application's clock, if any
   * @param properties the properties (the transfer spool)
   * @return the endpoint
   */
  @Bean
  @ConditionalOnMissingBean
  public ProviderEndpoint govdxProviderEndpoint(
      ApplicationContext context,
      PartyId party,
      PartyCredentials credentials,
      TrustStore trustStore,
      PartyDirectory directory,
      ReplayCache replayCache,
      IdempotencyStore idempotencyStore,
      ExchangeClient client,
      ObjectProvider<ProviderEndpointCustomizer> customizers,
      ObjectProvider<Clock> clock,
      GovdxProperties properties) {
    ProviderEndpoint.Builder b =
        ProviderEndpoint.builder()
            .party(party)
            .credentials(credentials)
            .trustStore(trustStore)
            .directory(directory)
            .replayCache(replayCache)
            .idempotencyStore(idempotencyStore)
            .clock(GovdxAutoConfiguration.clock(clock));
    ProviderResources.register(context, client, b);
    java.nio.file.Path spool = properties.provider().transferSpool();
    if (spool != null) {
      b.transferSpool(spool);
    } else if (context.getBeanNamesForType(io.github.govdx.client.provider.FileHandler.class).length
        > 0) {
      throw new GovdxConfigurationException(
          SpringErrorCode.PROVIDER_HANDLER_INVALID,
          "govdx.provider.transfer-spool",
          "a FileHandler bean receives files but no spool directory is configured",
          "Set govdx.provider.transfer-spool to a directory every instance shares (it holds the parts of a"
              + " file and its opened copy).",
          null);
    }
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  /** Serves the endpoint in the application's servlet container. */
  @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass({ProviderServlet.class, ServletRegistrationBean.class})
  static class Servlet {

    @Bean
    @ConditionalOnMissingBean(name = "govdxProviderServlet")
    ServletRegistrationBean<ProviderServlet> govdxProviderServlet(
        ProviderEndpoint endpoint, GovdxProperties properties) {
      ServletRegistrationBean<ProviderServlet> r =
          new ServletRegistrationBean<>(
              new ProviderServlet(endpoint),
              properties.provider().path(),
              properties.provider().transfersPath());
      r.setName("govdxProvider");
      return r;
    }
  }
}
