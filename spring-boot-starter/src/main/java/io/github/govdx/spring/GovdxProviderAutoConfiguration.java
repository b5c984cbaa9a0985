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
 * served by govdx-servlet's {@link ProviderServlet} at {@code govdx.provider.path} ({@code /v1/data/*}).
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
      ObjectProvider<Clock> clock) {
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
              new ProviderServlet(endpoint), properties.provider().path());
      r.setName("govdxProvider");
      return r;
    }
  }
}
