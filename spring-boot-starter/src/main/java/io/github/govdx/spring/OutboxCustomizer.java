package io.github.govdx.spring;

import io.github.govdx.client.outbox.Outbox;

/**
 * Changes the builder of the outbox before the auto-configuration builds it: every bean of this type is
 * applied, in {@code @Order}. The hook for settings that have no property (interceptors of metrics and traces,
 * listeners, a custom validator) without replacing the auto-configured bean. Called once per built object, on the
 * thread that creates the bean.
 */
@FunctionalInterface
public interface OutboxCustomizer {

  /**
   * Customizes the builder.
   *
   * @param builder the builder, with every property already applied
   */
  void customize(Outbox.Builder builder);
}
