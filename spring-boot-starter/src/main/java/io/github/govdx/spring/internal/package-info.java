/** Internals of the govdx Spring Boot starter: credential loading, the provider's resources, health checks. */
@NullMarked
package io.github.govdx.spring.internal;

import org.jspecify.annotations.NullMarked;
