/**
 * Internals of the sandbox: the HTTP front, the routing table, the in-memory stores and the built-in provider.
 * Not an API: anything here may change without notice.
 */
@NullMarked
package io.github.govdx.testkit.internal;

import org.jspecify.annotations.NullMarked;
