package io.github.govdx.benchmarks.client;

import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Unconnected sockets with {@code TCP_NODELAY} on, for OkHttp on loopback: without it a request's header and
 * body writes wait for delayed ACKs (tens of milliseconds per call). OkHttp only ever calls {@link
 * #createSocket()}. Thread-safe.
 */
final class NoDelaySockets extends SocketFactory {

  /** The shared instance. */
  static final NoDelaySockets INSTANCE = new NoDelaySockets();

  private NoDelaySockets() {}

  @Override
  public Socket createSocket() throws SocketException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    return s;
  }

  @Override
  public Socket createSocket(String host, int port) {
    throw new UnsupportedOperationException("OkHttp connects sockets itself");
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort) {
    throw new UnsupportedOperationException("OkHttp connects sockets itself");
  }

  @Override
  public Socket createSocket(InetAddress host, int port) {
    throw new UnsupportedOperationException("OkHttp connects sockets itself");
  }

  @Override
  public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) {
    throw new UnsupportedOperationException("OkHttp connects sockets itself");
  }
}
