/**
 * Internals of govdx-client: the transport pipeline (OkHttp interceptors for request ids, authentication,
 * sealing, retries, circuit breaking, rate limiting, timeouts and masked logging), JSON mapping and the
 * sub-client implementations. Not an API: anything here may change in any release.
 */
@NullMarked
package io.github.govdx.client.internal;

import org.jspecify.annotations.NullMarked;
