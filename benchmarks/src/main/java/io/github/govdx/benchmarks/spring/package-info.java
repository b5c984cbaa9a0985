/** What govdx-spring-boot-starter costs an application: start-up, measured cold with JMH. */
@NullMarked
package io.github.govdx.benchmarks.spring;

import org.jspecify.annotations.NullMarked;
