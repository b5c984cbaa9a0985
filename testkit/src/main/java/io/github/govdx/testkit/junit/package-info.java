/**
 * JUnit 5 support: {@link io.github.govdx.testkit.junit.GovdxSandbox} starts one
 * {@link io.github.govdx.testkit.ExchangeSandbox} per test class and injects it and clients for named parties
 * ({@link io.github.govdx.testkit.junit.SandboxParty}).
 */
@NullMarked
package io.github.govdx.testkit.junit;

import org.jspecify.annotations.NullMarked;
