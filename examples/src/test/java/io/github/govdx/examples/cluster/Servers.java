package io.github.govdx.examples.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The development machine's servers the cluster test needs, and a clear failure when one is absent (under
 * {@code CI=true} too: a test that needs a server never skips silently).
 */
final class Servers {

  static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  static final String REDIS_URI = "redis://127.0.0.1:6379";

  private Servers() {}

  static void requirePostgres() {
    require(
        5432,
        "PostgreSQL is not reachable at 127.0.0.1:5432 — start it with"
            + " `pg_ctlcluster 15 main start` (or run .ci/services)");
  }

  static void requireRedis() {
    require(
        6379,
        "Redis is not reachable at 127.0.0.1:6379 — start it with `redis-server --daemonize yes"
            + " --bind 127.0.0.1 --port 6379 --save '' --appendonly no` (or run .ci/services)");
  }

  private static void require(int port, String message) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    } catch (IOException e) {
      throw new AssertionError(message, e);
    }
  }
}
