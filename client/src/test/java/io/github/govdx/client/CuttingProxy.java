package io.github.govdx.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy that breaks connections for real: after a random number of forwarded bytes (either
 * direction) it resets both sides of the connection carrying them, a given number of times, then forwards
 * faithfully. What a broken network does to a long transfer, without touching the server or the client. In the
 * client's test-jar so that every module's transfer tests (client, servlet, testkit) use the same one.
 */
public final class CuttingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Random random;
  private final long minGap;
  private final long maxGap;
  private final AtomicInteger cutsLeft;
  private final AtomicInteger cutsDone = new AtomicInteger();
  private final AtomicLong untilCut = new AtomicLong();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  private boolean dieOnLastCut;

  /**
   * A proxy that forwards {@code bytes} bytes, then resets everything and refuses new connections.
   *
   * @param target the server
   * @param bytes bytes forwarded before the end
   * @return the running proxy
   * @throws IOException if it cannot listen
   */
  public static CuttingProxy dyingAfter(URI target, long bytes) throws IOException {
    CuttingProxy p = new CuttingProxy(target, 1, bytes, bytes, 0);
    p.dieOnLastCut = true;
    return p;
  }

  /**
   * Starts a proxy on a free loopback port.
   *
   * @param target the server it forwards to
   * @param cuts how many connection resets it makes
   * @param minGap fewest bytes forwarded before a reset
   * @param maxGap most bytes forwarded before a reset
   * @param seed the random gaps' seed (a failure can be replayed)
   * @throws IOException if it cannot listen
   */
  public CuttingProxy(URI target, int cuts, long minGap, long maxGap, long seed)
      throws IOException {
    this.target = new InetSocketAddress(target.getHost(), target.getPort());
    this.random = new Random(seed);
    this.minGap = minGap;
    this.maxGap = maxGap;
    this.cutsLeft = new AtomicInteger(cuts);
    this.untilCut.set(nextGap());
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "cutting-proxy");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Where clients connect.
   *
   * @return the proxy's base URI
   */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /**
   * How many resets it has made.
   *
   * @return the count
   */
  public int cutsDone() {
    return cutsDone.get();
  }

  private synchronized long nextGap() {
    return minGap + (long) (random.nextDouble() * (maxGap - minGap));
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        if (!closed) {
          continue;
        }
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                  if (cutsLeft.get() > 0 && untilCut.addAndGet(-n) <= 0) {
                    if (cutsLeft.getAndDecrement() > 0) {
                      cutsDone.incrementAndGet();
                      untilCut.set(nextGap());
                      reset(from);
                      reset(to);
                      if (dieOnLastCut) {
                        close();
                      }
                      return;
                    }
                  }
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // the other direction was cut or closed
              } finally {
                close(from);
                close(to);
              }
            },
            "cutting-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void reset(Socket s) {
    try {
      s.setSoLinger(true, 0); // close with RST: the peer sees "connection reset", not a clean end
    } catch (IOException e) {
      // already closed
    }
    close(s);
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // ignore
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // ignore
    }
    open.forEach(CuttingProxy::close);
  }
}
