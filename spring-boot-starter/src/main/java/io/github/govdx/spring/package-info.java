/**
 * Spring Boot auto-configuration for govdx: the {@code govdx.*} properties ({@link
 * io.github.govdx.spring.GovdxProperties}), an {@code ExchangeClient} and its stores, the outbox, provider handlers
 * declared as beans ({@link io.github.govdx.spring.GovdxResource}, {@link io.github.govdx.spring.ProviderRegistration})
 * and served by {@code ProviderServlet}, start-up checks that name the property at fault, and an Actuator health
 * contributor. See {@code docs/spring-boot.md}.
 */
@NullMarked
package io.github.govdx.spring;

import org.jspecify.annotations.NullMarked;
