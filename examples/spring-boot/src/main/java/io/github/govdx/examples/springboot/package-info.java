/**
 * 市城市管理局 (the city management bureau) as a Spring Boot application on govdx-spring-boot-starter: it serves the
 * 12345 hotline's work orders as a provider and answers each one, as a consumer, by pushing the result back to the
 * hotline through the durable outbox (接诉即办). Run it against the standalone sandbox (docs/spring-boot.md "The
 * example application").
 */
@NullMarked
package io.github.govdx.examples.springboot;

import org.jspecify.annotations.NullMarked;
