package io.github.govdx.spring;

import io.github.govdx.client.provider.ProviderEndpoint;

/**
 * Changes the builder of the provider endpoint before the auto-configuration builds it: every bean of this type is
 * applied, in {@code @Order}. The hook for settings that have no property (interceptors of metrics and traces,
 * listeners, a custom validator) without replacing the auto-configured bean. Called once per built object, on the
 * thread that creates the bean.
 */
@FunctionalInterface
public interface ProviderEndpointCustomizer {

  /**
   * Customizes the builder.
   *
   * @param builder the builder, with every property already applied
   */
  void customize(ProviderEndpoint.Builder builder);
}
