package io.github.govdx.spring;

import io.github.govdx.client.ExchangeClientBuilder;

/**
 * Makes an {@link ExchangeClientBuilder} with every {@code govdx.*} property and {@link ExchangeClientCustomizer}
 * applied: the auto-configured clients are built from it, and an application can build another client (other
 * timeouts, say) that shares the configuration. Thread-safe: every call returns a new builder (builders are not).
 */
@FunctionalInterface
public interface GovdxClientBuilderFactory {

  /**
   * A new builder.
   *
   * @return the builder
   */
  ExchangeClientBuilder create();
}
