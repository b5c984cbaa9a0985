package io.github.govdx.spring.internal;

import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.provider.FileHandler;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.PushHandler;
import io.github.govdx.client.provider.QueryHandler;
import io.github.govdx.core.GovdxException;
import io.github.govdx.spring.GovdxConfigurationException;
import io.github.govdx.spring.GovdxResource;
import io.github.govdx.spring.ProviderRegistration;
import io.github.govdx.spring.SpringErrorCode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;

/** Collects the provider's handler beans and registers them, with their catalog details, on the endpoint builder. */
public final class ProviderResources {

  private static final String PROPERTY = "govdx.provider.enabled";

  private ProviderResources() {}

  /**
   * Registers every {@link ProviderRegistration} bean and every {@link GovdxResource}-annotated handler bean.
   *
   * @param context the context
   * @param client the client, to fetch catalog details not given
   * @param builder the endpoint builder
   */
  public static void register(
      ApplicationContext context, ExchangeClient client, ProviderEndpoint.Builder builder) {
    Map<String, ResourceDetail> details = new HashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ProviderRegistration r : context.getBeansOfType(ProviderRegistration.class).values()) {
      ResourceDetail d =
          r.detail()
              .orElseGet(() -> detail(client, details, r.resourceCode(), "registration " + r));
      r.queryHandler().ifPresent(h -> builder.query(d, h));
      r.pushHandler().ifPresent(h -> builder.push(d, h));
      seen.add(r.resourceCode());
    }
    Set<String> names = new LinkedHashSet<>();
    names.addAll(java.util.List.of(context.getBeanNamesForType(QueryHandler.class)));
    names.addAll(java.util.List.of(context.getBeanNamesForType(PushHandler.class)));
    names.addAll(java.util.List.of(context.getBeanNamesForType(FileHandler.class)));
    for (String name : names) {
      GovdxResource a = context.findAnnotationOnBean(name, GovdxResource.class);
      if (a == null) {
        throw new GovdxConfigurationException(
            SpringErrorCode.PROVIDER_HANDLER_INVALID,
            PROPERTY,
            "handler bean '" + name + "' names no resource",
            "Annotate the bean's class or @Bean method with @GovdxResource(\"<resource code>\"), or declare"
                + " a ProviderRegistration bean instead.",
            null);
      }
      Object bean = context.getBean(name);
      if (bean instanceof FileHandler f) {
        builder.files(a.value(), f);
      }
      seen.add(a.value());
      if (!(bean instanceof QueryHandler) && !(bean instanceof PushHandler)) {
        continue; // files need no catalog detail
      }
      ResourceDetail d = detail(client, details, a.value(), "bean '" + name + "'");
      if (bean instanceof QueryHandler q) {
        builder.query(d, q);
      }
      if (bean instanceof PushHandler p) {
        builder.push(d, p);
      }
      seen.add(a.value());
    }
    if (seen.isEmpty()) {
      throw new GovdxConfigurationException(
          SpringErrorCode.PROVIDER_HANDLER_INVALID,
          PROPERTY,
          "the provider side is enabled but no handler bean serves a resource",
          "Declare a QueryHandler, PushHandler or FileHandler bean with @GovdxResource, or a"
              + " ProviderRegistration bean,"
              + " or set govdx.provider.enabled=false.",
          null);
    }
  }

  private static ResourceDetail detail(
      ExchangeClient client, Map<String, ResourceDetail> cache, String code, String who) {
    ResourceDetail cached = cache.get(code);
    if (cached != null) {
      return cached;
    }
    try {
      ResourceDetail d = client.catalog().detail(code);
      cache.put(code, d);
      return d;
    } catch (GovdxException e) {
      throw new GovdxConfigurationException(
          SpringErrorCode.PROVIDER_HANDLER_INVALID,
          PROPERTY,
          "the catalog detail of resource "
              + code
              + " ("
              + who
              + ") could not be fetched: "
              + e.getMessage(),
          "Check govdx.endpoint and the resource code, or give the detail in a ProviderRegistration bean so"
              + " that start-up does not need the exchange.",
          e);
    }
  }
}
