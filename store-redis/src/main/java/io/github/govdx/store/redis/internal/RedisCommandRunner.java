package io.github.govdx.store.redis.internal;

import io.github.govdx.core.state.StateStoreException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands on one Lettuce connection (standalone or Cluster, through their common asynchronous interface)
 * within one deadline per call, and turns every failure into a {@link StateStoreException}: a timeout, a refused
 * command while disconnected, a lost connection or a transient server state ({@code LOADING}, {@code BUSY},
 * {@code READONLY}, {@code CLUSTERDOWN}, {@code OOM}, …) is {@code GDX-1601} (retryable); a server that refuses
 * the data or the user ({@code WRONGTYPE}, {@code NOPERM}, {@code NOAUTH}, {@code WRONGPASS}) is
 * {@code GDX-1602}. A command whose deadline passed is cancelled, so Lettuce does not send it later.
 *
 * <p>Thread-safe (Lettuce connections are).
 */
public final class RedisCommandRunner {

  private static final Logger LOG = LoggerFactory.getLogger(RedisCommandRunner.class);

  private final RedisClusterAsyncCommands<String, String> commands;
  private final long timeoutNanos;
  private final Map<LuaScript, String> digests = new ConcurrentHashMap<>();

  /**
   * A runner.
   *
   * @param commands the connection's asynchronous commands
   * @param timeout the longest one call may take, all its round trips together
   */
  public RedisCommandRunner(RedisClusterAsyncCommands<String, String> commands, Duration timeout) {
    this.commands = Objects.requireNonNull(commands, "commands == null");
    this.timeoutNanos = Objects.requireNonNull(timeout, "timeout == null").toNanos();
  }

  /**
   * Runs one command.
   *
   * @param store the store, for the error message
   * @param operation the operation, for the error message
   * @param command sends the command
   * @param <T> the reply type
   * @return the reply (may be {@code null} where Redis answers nil)
   * @throws StateStoreException if Redis does not answer in time or fails
   */
  public <T> @Nullable T call(
      String store,
      String operation,
      Function<RedisClusterAsyncCommands<String, String>, RedisFuture<T>> command) {
    long deadline = System.nanoTime() + timeoutNanos;
    try {
      return await(command.apply(commands), deadline);
    } catch (RuntimeException | ExecutionException | TimeoutException e) {
      throw failure(store, operation, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StateStoreException.unavailable(store, operation, e);
    }
  }

  /**
   * Sends one command now without waiting for its reply; {@link Pending#await()} waits for it within the same
   * deadline as {@link #call}, counted from now.
   *
   * @param store the store, for the error message
   * @param operation the operation, for the error message
   * @param command sends the command
   * @param <T> the reply type
   * @return the command in flight
   * @throws StateStoreException if the command cannot even be sent
   */
  public <T> Pending<T> send(
      String store,
      String operation,
      Function<RedisClusterAsyncCommands<String, String>, RedisFuture<T>> command) {
    long deadline = System.nanoTime() + timeoutNanos;
    try {
      return new Pending<>(store, operation, command.apply(commands), deadline);
    } catch (RuntimeException e) {
      throw failure(store, operation, e);
    }
  }

  /**
   * Sends a script on one key with {@code EVAL} (the whole source, so no {@code NOSCRIPT} round trip), without
   * waiting: for work that only {@link #awaitQuietly} waits for (a release).
   *
   * @param script the script
   * @param key the one key the script touches
   * @param args the script's arguments
   * @return the reply, once it is there
   */
  public CompletionStage<Long> evalAsync(LuaScript script, String key, String... args) {
    return commands.<Long>eval(script.source(), ScriptOutputType.INTEGER, new String[] {key}, args);
  }

  /**
   * Waits for best-effort work within one timeout; a failure or a timeout is logged at DEBUG, never thrown.
   *
   * @param operation the operation, for the log
   * @param work the work in flight
   */
  public void awaitQuietly(String operation, CompletionStage<?> work) {
    try {
      work.toCompletableFuture().get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.debug("{} not done: {}", operation, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A command sent by {@link #send}, not yet waited for. Used by one thread.
   *
   * @param <T> the reply type
   */
  public static final class Pending<T> {

    private final String store;
    private final String operation;
    private final RedisFuture<T> future;
    private final long deadline;

    private Pending(String store, String operation, RedisFuture<T> future, long deadline) {
      this.store = store;
      this.operation = operation;
      this.future = future;
      this.deadline = deadline;
    }

    /**
     * The reply, once it is there (for work that does not wait for it).
     *
     * @return the command's future
     */
    public RedisFuture<T> future() {
      return future;
    }

    /**
     * Waits for the reply until the deadline; a command whose deadline passed is cancelled.
     *
     * @return the reply (may be {@code null} where Redis answers nil)
     * @throws StateStoreException if Redis does not answer in time or fails
     */
    public @Nullable T await() {
      try {
        return RedisCommandRunner.await(future, deadline);
      } catch (RuntimeException | ExecutionException | TimeoutException e) {
        throw failure(store, operation, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw StateStoreException.unavailable(store, operation, e);
      }
    }
  }

  /**
   * Runs a script on one key with {@code EVALSHA}; on {@code NOSCRIPT} loads it with {@code SCRIPT LOAD} (on
   * every node of a Cluster) and runs it again, all within one deadline.
   *
   * @param store the store, for the error message
   * @param operation the operation, for the error message
   * @param script the script
   * @param type the reply type
   * @param key the one key the script touches
   * @param args the script's arguments
   * @param <T> the reply type
   * @return the reply
   * @throws StateStoreException if Redis does not answer in time or fails
   */
  public <T> @Nullable T eval(
      String store,
      String operation,
      LuaScript script,
      ScriptOutputType type,
      String key,
      String... args) {
    long deadline = System.nanoTime() + timeoutNanos;
    String[] keys = {key};
    String digest = digests.computeIfAbsent(script, s -> commands.digest(s.source()));
    try {
      try {
        return await(commands.<T>evalsha(digest, type, keys, args), deadline);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RedisNoScriptException)) {
          throw e;
        }
        LOG.debug("loading Lua script {} into the Redis script cache", script.name());
        await(commands.scriptLoad(script.source()), deadline);
        return await(commands.<T>evalsha(digest, type, keys, args), deadline);
      }
    } catch (RuntimeException | ExecutionException | TimeoutException e) {
      throw failure(store, operation, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StateStoreException.unavailable(store, operation, e);
    }
  }

  private static <T> @Nullable T await(RedisFuture<T> future, long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | InterruptedException e) {
      future.cancel(false);
      throw e;
    }
  }

  private static StateStoreException failure(String store, String operation, Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof StateStoreException s) {
      return s;
    }
    if (cause instanceof RedisCommandExecutionException && cause.getMessage() != null) {
      String code = cause.getMessage().split(" ", 2)[0].toUpperCase(Locale.ROOT);
      switch (code) {
        case "WRONGTYPE", "NOPERM", "NOAUTH", "WRONGPASS" -> {
          return StateStoreException.misconfigured(
              store, "Redis answered " + code + " to " + operation, cause);
        }
        default -> {
          // LOADING, BUSY, READONLY, MASTERDOWN, CLUSTERDOWN, TRYAGAIN, OOM, ERR …: may pass
        }
      }
    }
    return StateStoreException.unavailable(store, operation, cause);
  }
}
