/**
 * Internals of govdx-crypto: the GM (SM2/SM3/SM4) algorithms as Nimbus JOSE providers on the Bouncy Castle
 * lightweight API, strict JSON and DER parsing, and helpers. Not API: may change in any release; other
 * modules must not use it.
 */
@NullMarked
package io.github.govdx.crypto.internal;

import org.jspecify.annotations.NullMarked;
