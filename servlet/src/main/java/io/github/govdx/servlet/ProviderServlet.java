package io.github.govdx.servlet;

import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.ProviderRequest;
import io.github.govdx.client.provider.ProviderResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Enumeration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A servlet that hands every request to a {@link ProviderEndpoint} and writes out its answer: the provider side
 * of data query and push ({@code docs/protocol.md} section 13) in any Jakarta Servlet 6 container.
 *
 * <p>Map it so that the path the endpoint sees starts at {@code /v1/data/}: the path below the context path is
 * passed on, so with the servlet mapped at {@code /v1/data/*} in a context {@code /dept}, a request to
 * {@code /dept/v1/data/335001001/00012/query} reaches the endpoint as {@code /v1/data/335001001/00012/query}.
 *
 * <pre>{@code
 * ServletContextHandler context = new ServletContextHandler("/dept");
 * context.addServlet(new ServletHolder(new ProviderServlet(endpoint)), "/v1/data/*");
 * // an endpoint that receives files (ProviderEndpoint.Builder.files) also serves the transfer routes
 * context.addServlet(new ServletHolder(new ProviderServlet(endpoint)), "/v1/transfers/*");
 * }</pre>
 *
 * <p>A body whose {@code Content-Length} is over the endpoint's limit is refused without being read; any other body is
 * read up to the endpoint's {@link ProviderEndpoint#maxRequestBytes() limit} plus one byte and no
 * further, so an oversized body costs no more memory than the limit and is answered {@code 413}/{@code GDX-3003}
 * by the endpoint. The parts of a file transfer ({@code PUT /v1/transfers/{id}/parts/{n}}, {@code docs/protocol.md}
 * section 15.8) are the exception: their body is streamed to the endpoint, which writes it to its spool directory as
 * it arrives (memory stays constant whatever the part size). The endpoint never throws for bad input, a body cut
 * short by a broken connection included; a client that goes away mid-answer is logged at DEBUG.
 *
 * <p>Every request header is passed on, the W3C {@code traceparent} and {@code tracestate} included: an endpoint built
 * with {@code ProviderEndpoint.Builder.openTelemetry} continues the caller's trace ({@code docs/observability.md}).
 *
 * <p>Thread-safe (the endpoint is).
 */
public class ProviderServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ProviderServlet.class);

  private final transient ProviderEndpoint endpoint;

  /**
   * A servlet serving an endpoint.
   *
   * @param endpoint the provider endpoint
   */
  public ProviderServlet(ProviderEndpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String uri = request.getRequestURI();
    String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      String value = request.getHeader(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    ProviderResponse answer;
    if (endpoint.streamsBody(request.getMethod(), path)) {
      // a file transfer part: streamed to the endpoint's spool, never held in memory
      try (InputStream in = request.getInputStream()) {
        answer =
            endpoint.handle(
                ProviderRequest.of(request.getMethod(), path, headers, new byte[0]), in);
      }
    } else if (request.getContentLengthLong() > endpoint.maxRequestBytes()) {
      // declared too large: refused without reading a byte of it
      answer =
          endpoint.payloadTooLarge(
              ProviderRequest.of(request.getMethod(), path, headers, new byte[0]));
    } else {
      byte[] body;
      try (InputStream in = request.getInputStream()) {
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, endpoint.maxRequestBytes() + 1));
      }
      answer = endpoint.handle(ProviderRequest.of(request.getMethod(), path, headers, body));
    }
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    response.setContentLength(answer.body().length);
    try (OutputStream out = response.getOutputStream()) {
      out.write(answer.body());
    } catch (IOException e) {
      LOG.debug("the caller went away before the answer was written: {}", e.getClass().getName());
      throw e;
    }
  }

  @Override
  public String toString() {
    return "ProviderServlet{" + endpoint + "}";
  }
}
