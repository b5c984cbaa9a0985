package io.github.govdx.client.auth;

import java.time.Instant;

/**
 * Remembers gateway nonces (one-time values of {@code X-Gdx-Nonce}) until their timestamp leaves the skew
 * window, so that {@link GovdxHmacVerifier} refuses a captured request sent again (DESIGN section 7). The
 * verifier calls {@link #firstUse(String, Instant)} once per request whose MAC verified, with the key
 * {@code <key id> <nonce>}, so forged requests never reach the cache.
 *
 * <p><b>Atomicity contract.</b> Implementations are thread-safe and, when shared by several gateway or
 * provider instances (a database or Redis), atomic across all of them: of any number of concurrent calls with
 * the same key, exactly one returns {@code true}. A key is remembered at least until {@code expiresAt}.
 *
 * <p><b>Failure contract: fail closed.</b> An implementation that cannot remember a nonce never returns
 * {@code true}: it throws {@link io.github.govdx.core.state.StateStoreException} ({@code GDX-1601},
 * retryable), and the verifier answers {@link GovdxHmacVerification.Reason#STATE_UNAVAILABLE}.
 *
 * <p>Implementations: {@link InMemoryNonceCache} (one JVM, the default), and the JDBC and Redis caches of
 * {@code govdx-store-jdbc} and {@code govdx-store-redis}.
 */
@FunctionalInterface
public interface NonceCache {

  /**
   * Records a nonce and says whether it is new.
   *
   * @param key {@code <key id> <nonce>}
   * @param expiresAt when the nonce may be forgotten (request timestamp plus the allowed skew)
   * @return {@code true} if the nonce was not used before (and is now remembered), {@code false} on a replay
   * @throws io.github.govdx.core.state.StateStoreException if the store cannot answer
   */
  boolean firstUse(String key, Instant expiresAt);
}
