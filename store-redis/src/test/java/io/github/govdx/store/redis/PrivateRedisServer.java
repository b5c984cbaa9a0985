package io.github.govdx.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A redis-server child process of this test on its own free port, without persistence, that the test may kill,
 * freeze (SIGSTOP), thaw and restart on the same port. The shared server on 6379 is never touched.
 */
final class PrivateRedisServer implements AutoCloseable {

  private final int port;
  private final Path log;
  private final List<String> command;
  private Process process;

  private PrivateRedisServer(int port, List<String> command) throws IOException {
    this.port = port;
    this.log = Files.createTempFile("govdx-redis-" + port, ".log");
    this.command = List.copyOf(command);
  }

  /** Starts a server on a free port. */
  static PrivateRedisServer start() throws IOException, InterruptedException {
    return start(freePort(), List.of());
  }

  /** Starts a server on a given port with extra command-line arguments. */
  static PrivateRedisServer start(int port, List<String> extraArgs)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no"));
    command.addAll(extraArgs);
    PrivateRedisServer server = new PrivateRedisServer(port, command);
    server.startAgain();
    return server;
  }

  /** Starts a Sentinel on a free port that monitors {@code master} as {@code name} (quorum 1). */
  static PrivateRedisServer startSentinel(PrivateRedisServer master, String name, Path dir)
      throws IOException, InterruptedException {
    int port = freePort();
    Path conf = dir.resolve("sentinel-" + port + ".conf");
    Files.writeString(
        conf,
        "port "
            + port
            + "\nbind 127.0.0.1\ndaemonize no\ndir "
            + dir
            + "\nsentinel monitor "
            + name
            + " 127.0.0.1 "
            + master.port()
            + " 1\n");
    PrivateRedisServer server =
        new PrivateRedisServer(port, List.of("redis-server", conf.toString(), "--sentinel"));
    server.startAgain();
    return server;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts (again) on the same port and waits until it answers PING. */
  void startAgain() throws IOException, InterruptedException {
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "redis-server is not on the PATH; install Redis (or run .ci/run) for the outage test", e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!answersPing()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "private redis-server on port " + port + " did not start: " + Files.readString(log));
      }
      Thread.sleep(20);
    }
  }

  /** Kills the server (SIGKILL) and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Freezes the server (SIGSTOP): connections stay open, nothing is answered. */
  void freeze() throws IOException, InterruptedException {
    signal("-STOP");
  }

  /** Thaws a frozen server (SIGCONT). */
  void thaw() throws IOException, InterruptedException {
    signal("-CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    int rc = new ProcessBuilder("kill", signal, Long.toString(process.pid())).start().waitFor();
    if (rc != 0) {
      throw new AssertionError("kill " + signal + " failed: " + rc);
    }
  }

  private boolean answersPing() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      s.setSoTimeout(500);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] reply = new byte[7];
      int n = in.readNBytes(reply, 0, 7);
      return n == 7 && new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (process != null && process.isAlive()) {
      thaw();
      kill();
    }
    Files.deleteIfExists(log);
  }
}
