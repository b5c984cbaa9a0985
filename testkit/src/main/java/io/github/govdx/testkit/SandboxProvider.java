package io.github.govdx.testkit;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A provider department's endpoint registered in-process with the sandbox ({@code docs/protocol.md} §13): the
 * sandbox forwards each data query and push addressed to the provider <em>unchanged</em> (method, path below
 * {@code /v1}, body bytes, and the headers {@code Content-Type}, {@code X-Request-Id}, {@code X-Gdx-Party},
 * {@code Idempotency-Key} and the W3C trace context {@code traceparent} and {@code tracestate}) and returns the
 * answer to the caller unchanged. A completed file transfer addressed to the provider is delivered to it the same
 * way, as the requests of {@code docs/protocol.md} §15.8 ({@code /v1/transfers…}, {@code X-Gdx-Party} the
 * transfer's sender); an endpoint that does not serve them ({@code 404}) leaves the transfer for the receiver to
 * download.
 *
 * <p>Implementations open the envelope, check it, call their handler and seal the answer, exactly as a provider
 * reached over HTTP would. A provider may add the informational headers {@code X-Gdx-Batch-Id} and
 * {@code X-Gdx-Record-Count} to a {@code 201} push answer; the sandbox copies them into the
 * {@code data.updated} event (it cannot read the sealed receipt). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SandboxProvider {

  /**
   * Answers one forwarded request.
   *
   * @param request the request as the platform forwards it
   * @return the provider's answer
   * @throws Exception any failure; the caller then gets {@code 502}/{@code GDX-3212}
   */
  Response handle(Request request) throws Exception;

  /**
   * A provider that lives in another process: every request is relayed over HTTP to {@code base} + its path
   * ({@code docs/protocol.md} §13) with its headers and body, and the provider's answer comes back as it was (status,
   * {@code Content-Type}, {@code Idempotency-Replayed}, {@code Retry-After}, body). How the standalone sandbox's
   * {@code --provider ALIAS=URL} reaches a department application, e.g. a Spring Boot provider.
   *
   * @param base the provider's base URL, e.g. {@code http://127.0.0.1:8080}
   * @return the forwarding provider
   */
  static SandboxProvider forwardingTo(java.net.URI base) {
    Objects.requireNonNull(base, "base == null");
    java.net.http.HttpClient http =
        java.net.http.HttpClient.newBuilder()
            .connectTimeout(java.time.Duration.ofSeconds(5))
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    String root = base.toString().replaceAll("/+$", "");
    java.util.Set<String> restricted =
        java.util.Set.of("host", "content-length", "connection", "expect", "upgrade");
    return request -> {
      java.net.http.HttpRequest.Builder b =
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + request.path()))
              .timeout(java.time.Duration.ofSeconds(60))
              .method(
                  request.method(),
                  java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.body()));
      request
          .headers()
          .forEach(
              (k, v) -> {
                if (!restricted.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                  b.header(k, v);
                }
              });
      java.net.http.HttpResponse<byte[]> r =
          http.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      for (String h :
          List.of("Content-Type", "Idempotency-Replayed", "Retry-After", "X-Gdx-Batch-Id")) {
        r.headers().firstValue(h).ifPresent(v -> headers.put(h, v));
      }
      return new Response(r.statusCode(), headers, r.body());
    };
  }

  /**
   * A request as forwarded to a provider.
   *
   * @param method the HTTP method ({@code POST}; for file transfers also {@code GET} and {@code PUT})
   * @param path the path, starting {@code /v1/data/} or {@code /v1/transfers}
   * @param headers the forwarded headers (canonical names as in the protocol)
   * @param body the body bytes exactly as the caller sent them
   */
  record Request(String method, String path, Map<String, String> headers, byte[] body) {
    /**
     * Checks and copies the members.
     *
     * @param method the method
     * @param path the path
     * @param headers the headers
     * @param body the body
     */
    public Request {
      Objects.requireNonNull(method, "method == null");
      Objects.requireNonNull(path, "path == null");
      headers = Map.copyOf(Objects.requireNonNull(headers, "headers == null"));
      body = Objects.requireNonNull(body, "body == null").clone();
    }

    /**
     * The body bytes (a copy).
     *
     * @return the body
     */
    @Override
    public byte[] body() {
      return body.clone();
    }

    /** Summarises without the body. */
    @Override
    public String toString() {
      return "Request{" + method + " " + path + ", " + body.length + " bytes}";
    }
  }

  /**
   * A provider's answer.
   *
   * @param status the HTTP status
   * @param headers the headers ({@code Content-Type} at least when there is a body)
   * @param body the body bytes
   */
  record Response(int status, Map<String, String> headers, byte[] body) {
    /**
     * Checks and copies the members.
     *
     * @param status the status
     * @param headers the headers
     * @param body the body
     */
    public Response {
      headers = Map.copyOf(Objects.requireNonNull(headers, "headers == null"));
      body = Objects.requireNonNull(body, "body == null").clone();
    }

    /**
     * The body bytes (a copy).
     *
     * @return the body
     */
    @Override
    public byte[] body() {
      return body.clone();
    }

    /** Summarises without the body. */
    @Override
    public String toString() {
      return "Response{" + status + ", " + body.length + " bytes}";
    }
  }
}
