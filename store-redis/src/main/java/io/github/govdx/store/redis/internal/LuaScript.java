package io.github.govdx.store.redis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A Lua script shipped in this jar ({@code io/github/govdx/store/redis/internal/<name>.lua}), run with
 * {@code EVALSHA} by its SHA-1 digest and loaded with {@code SCRIPT LOAD} when the server answers
 * {@code NOSCRIPT} (after a restart or {@code SCRIPT FLUSH}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the file name without {@code .lua}, for logs and messages
 * @param source the script text
 */
public record LuaScript(String name, String source) {

  /** The atomic claim of an idempotency key. */
  public static final LuaScript IDEMPOTENCY_CLAIM = load("idempotency-claim");

  /** The compare-and-set completion of an idempotency key. */
  public static final LuaScript IDEMPOTENCY_COMPLETE = load("idempotency-complete");

  /** The compare-and-set release of an idempotency key. */
  public static final LuaScript IDEMPOTENCY_RELEASE = load("idempotency-release");

  /** The compare-and-delete release of an early replay claim. */
  public static final LuaScript FIRST_SEEN_RELEASE = load("first-seen-release");

  /** The token bucket with reservation, on the server's clock. */
  public static final LuaScript RATE_RESERVE = load("rate-reserve");

  /**
   * A script.
   *
   * @param name its name
   * @param source its text
   */
  public LuaScript {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(source, "source == null");
  }

  private static LuaScript load(String name) {
    String resource = name + ".lua";
    try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("script missing from the jar: " + resource);
      }
      return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read script " + resource, e);
    }
  }

  @Override
  public String toString() {
    return "LuaScript{" + name + "}";
  }
}
