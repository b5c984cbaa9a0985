package io.github.govdx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.testkit.internal.ApiException;
import io.github.govdx.testkit.internal.Router;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Records real HTTP exchanges (an OkHttp network interceptor: the bytes on the wire, after the client's own
 * interceptors signed and sealed them) and checks each against {@code docs/openapi.yaml}: the route, every header
 * and parameter, the request body, the status, the response headers and the response body.
 */
final class OpenApiTrafficCheck {

  /** One HTTP exchange as seen on the wire. Header names are lowercase. */
  record Exchange(
      String method,
      String path,
      Map<String, List<String>> query,
      Map<String, String> requestHeaders,
      byte @Nullable [] requestBody,
      int status,
      Map<String, String> responseHeaders,
      byte @Nullable [] responseBody) {

    Exchange withResponseBody(byte[] body) {
      return new Exchange(
          method, path, query, requestHeaders, requestBody, status, responseHeaders, body);
    }

    Exchange withRequestHeader(String name, String value) {
      Map<String, String> h = new TreeMap<>(requestHeaders);
      h.put(name, value);
      return new Exchange(
          method, path, query, h, requestBody, status, responseHeaders, responseBody);
    }

    Exchange withRequestBody(byte[] body) {
      return new Exchange(
          method, path, query, requestHeaders, body, status, responseHeaders, responseBody);
    }

    Exchange withStatus(int s) {
      return new Exchange(
          method, path, query, requestHeaders, requestBody, s, responseHeaders, responseBody);
    }

    @Override
    public String toString() {
      return method + " " + path + " -> " + status;
    }
  }

  /** Request headers HTTP itself (or OkHttp's bridge) adds, outside the protocol. */
  private static final Set<String> TRANSPORT_REQUEST_HEADERS =
      Set.of(
          "host",
          "connection",
          "accept-encoding",
          "user-agent",
          "content-type",
          "content-length",
          "transfer-encoding",
          "accept");

  /** Response headers of the protocol (protocol.md §2.2, §7.1, §15.4): present only where documented. */
  private static final Set<String> GOVERNED_RESPONSE_HEADERS =
      Set.of(
          "location",
          "retry-after",
          "idempotency-replayed",
          "cache-control",
          "etag",
          "accept-ranges",
          "content-range");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenApiContract contract;
  private final @Nullable Router router;
  private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

  /** Checks the sandbox's traffic: exchanges are routed by the sandbox's own route table. */
  OpenApiTrafficCheck(OpenApiContract contract) {
    this(contract, new Router());
  }

  private OpenApiTrafficCheck(OpenApiContract contract, @Nullable Router router) {
    this.contract = contract;
    this.router = router;
  }

  /** Checks traffic that no sandbox route table describes (the provider interface): routed by path templates. */
  static OpenApiTrafficCheck byPathTemplates(OpenApiContract contract) {
    return new OpenApiTrafficCheck(contract, null);
  }

  List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  /** The recording network interceptor. */
  Interceptor interceptor() {
    return chain -> {
      Request req = chain.request();
      byte[] reqBody = null;
      RequestBody rb = req.body();
      if (rb != null && !isOctets(rb.contentType())) {
        Buffer b = new Buffer();
        rb.writeTo(b);
        reqBody = b.readByteArray();
      }
      Map<String, String> reqHeaders = new TreeMap<>();
      for (String name : req.headers().names()) {
        reqHeaders.put(name.toLowerCase(Locale.ROOT), req.header(name));
      }
      if (rb != null && rb.contentType() != null) {
        reqHeaders.put("content-type", rb.contentType().toString());
      }
      Map<String, List<String>> query = new LinkedHashMap<>();
      for (String name : req.url().queryParameterNames()) {
        query.put(name, req.url().queryParameterValues(name));
      }
      Response resp = chain.proceed(req);
      Map<String, String> respHeaders = new TreeMap<>();
      for (String name : resp.headers().names()) {
        respHeaders.put(name.toLowerCase(Locale.ROOT), resp.header(name));
      }
      String type = resp.header("Content-Type");
      byte[] respBody = null;
      if (type == null || !mime(type).equals("application/octet-stream")) {
        respBody = resp.peekBody(64L * 1024 * 1024).bytes();
      }
      exchanges.add(
          new Exchange(
              req.method(),
              req.url().encodedPath(),
              query,
              reqHeaders,
              reqBody,
              resp.code(),
              respHeaders,
              respBody));
      return resp;
    };
  }

  private static boolean isOctets(@Nullable MediaType t) {
    return t != null && (t.type() + "/" + t.subtype()).equals("application/octet-stream");
  }

  static String mime(String contentType) {
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /** The route of an exchange, or null if the sandbox's router knows none. */
  @Nullable Route route(Exchange e) {
    return router == null ? null : router.find(e.method(), e.path());
  }

  /**
   * Everything in one exchange the document does not allow.
   *
   * @return the violations, each naming the exchange
   */
  List<String> violations(Exchange e) {
    List<String> out = new ArrayList<>();
    JsonNode op;
    Map<String, String> params;
    if (router == null) {
      OpenApiContract.OperationMatch m = contract.match(e.method(), e.path());
      if (m == null) {
        out.add(e + ": no operation in the document");
        return out;
      }
      op = m.operation();
      params = m.params();
    } else {
      Router.Match match;
      try {
        match = router.match(e.method(), e.path());
      } catch (ApiException ex) {
        out.add(e + ": no route");
        return out;
      }
      Route route = match.route();
      op = contract.operation(route);
      if (op.isMissingNode()) {
        out.add(
            e
                + ": no operation "
                + route.method()
                + " "
                + route.pathTemplate()
                + " in the document");
        return out;
      }
      params = match.params();
    }
    checkRequest(e, params, op, out);
    checkResponse(e, op, out);
    return out;
  }

  private void checkRequest(
      Exchange e, Map<String, String> pathParams, JsonNode op, List<String> out) {
    Set<String> documentedHeaders = new java.util.HashSet<>();
    Set<String> documentedQuery = new java.util.HashSet<>();
    for (JsonNode p0 : op.path("parameters")) {
      JsonNode p = contract.resolve(p0);
      String name = p.path("name").asText();
      String in = p.path("in").asText();
      boolean required = p.path("required").asBoolean(false);
      JsonNode schema = p.path("schema");
      String value;
      switch (in) {
        case "header" -> {
          documentedHeaders.add(name.toLowerCase(Locale.ROOT));
          value = e.requestHeaders().get(name.toLowerCase(Locale.ROOT));
        }
        case "query" -> {
          documentedQuery.add(name);
          List<String> v = e.query().get(name);
          if (v != null && v.size() > 1) {
            out.add(e + ": query parameter " + name + " repeated");
          }
          value = v == null ? null : v.get(0);
        }
        case "path" -> value = pathParams.get(name);
        default -> {
          out.add(e + ": parameter " + name + " in " + in);
          continue;
        }
      }
      if (value == null) {
        if (required) {
          out.add(e + ": required " + in + " parameter " + name + " missing");
        }
        continue;
      }
      for (String err : contract.validate(schema, contract.coerce(schema, value))) {
        out.add(e + ": " + in + " parameter " + name + ": " + err);
      }
    }
    if (!documentedQuery.containsAll(e.query().keySet())) {
      Set<String> extra = new java.util.TreeSet<>(e.query().keySet());
      extra.removeAll(documentedQuery);
      out.add(e + ": undocumented query parameters " + extra);
    }
    // the gateway credential: the security scheme's headers (optional where an empty requirement is
    // listed)
    Set<String> securityHeaders = new java.util.HashSet<>();
    boolean securityOptional = false;
    JsonNode schemes = contract.document().path("components").path("securitySchemes");
    for (JsonNode requirement : contract.document().path("security")) {
      securityOptional |= requirement.isEmpty();
      requirement
          .fieldNames()
          .forEachRemaining(
              s -> {
                JsonNode scheme = schemes.path(s);
                securityHeaders.add(scheme.path("name").asText().toLowerCase(Locale.ROOT));
                for (JsonNode h : scheme.path("x-govdx-headers")) {
                  securityHeaders.add(h.asText().toLowerCase(Locale.ROOT));
                }
              });
    }
    for (String h : securityHeaders) {
      if (!securityOptional && !e.requestHeaders().containsKey(h)) {
        out.add(e + ": gateway header " + h + " missing");
      }
    }
    for (String h : e.requestHeaders().keySet()) {
      if (!documentedHeaders.contains(h)
          && !securityHeaders.contains(h)
          && !TRANSPORT_REQUEST_HEADERS.contains(h)) {
        out.add(e + ": undocumented request header " + h);
      }
    }
    // the body
    JsonNode requestBody = contract.resolve(op.path("requestBody"));
    String type = e.requestHeaders().get("content-type");
    boolean hasBody = type != null || (e.requestBody() != null && e.requestBody().length > 0);
    if (requestBody.isMissingNode()) {
      if (hasBody) {
        out.add(e + ": a request body where the operation takes none");
      }
      return;
    }
    if (!hasBody) {
      if (requestBody.path("required").asBoolean(false)) {
        out.add(e + ": required request body missing");
      }
      return;
    }
    if (type == null) {
      out.add(e + ": request body without Content-Type");
      return;
    }
    JsonNode media = requestBody.path("content").path(mime(type));
    if (media.isMissingNode()) {
      out.add(e + ": request Content-Type " + type + " not documented");
      return;
    }
    if (mime(type).endsWith("json")) {
      checkJson(e + ": request body", media.path("schema"), e.requestBody(), out);
    }
  }

  private void checkResponse(Exchange e, JsonNode op, List<String> out) {
    JsonNode response0 = op.path("responses").path(Integer.toString(e.status()));
    if (response0.isMissingNode()) {
      out.add(e + ": status " + e.status() + " not documented");
      return;
    }
    JsonNode response = contract.resolve(response0);
    JsonNode headers = response.path("headers");
    Set<String> documented = new java.util.HashSet<>();
    Iterator<Map.Entry<String, JsonNode>> it = headers.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> h = it.next();
      String name = h.getKey().toLowerCase(Locale.ROOT);
      documented.add(name);
      JsonNode header = contract.resolve(h.getValue());
      String value = e.responseHeaders().get(name);
      if (value == null) {
        if (header.path("required").asBoolean(false)) {
          out.add(e + ": response header " + h.getKey() + " missing");
        }
        continue;
      }
      for (String err :
          contract.validate(header.path("schema"), contract.coerce(header.path("schema"), value))) {
        out.add(e + ": response header " + h.getKey() + ": " + err);
      }
    }
    for (String name : e.responseHeaders().keySet()) {
      if ((name.startsWith("x-") || GOVERNED_RESPONSE_HEADERS.contains(name))
          && !documented.contains(name)) {
        out.add(e + ": undocumented response header " + name);
      }
    }
    JsonNode content = response.path("content");
    String type = e.responseHeaders().get("content-type");
    boolean hasBody = e.responseBody() != null ? e.responseBody().length > 0 : type != null;
    if (content.isMissingNode() || content.isEmpty()) {
      if (hasBody) {
        out.add(e + ": a response body where none is documented");
      }
      return;
    }
    if (type == null) {
      out.add(e + ": response without Content-Type");
      return;
    }
    JsonNode media = content.path(mime(type));
    if (media.isMissingNode()) {
      out.add(e + ": response Content-Type " + type + " not documented for " + e.status());
      return;
    }
    if (mime(type).endsWith("json")) {
      checkJson(e + ": response body", media.path("schema"), e.responseBody(), out);
    }
  }

  private void checkJson(String what, JsonNode schema, byte @Nullable [] body, List<String> out) {
    JsonNode instance;
    try {
      instance = body == null || body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException ex) {
      out.add(what + ": not JSON");
      return;
    }
    if (instance == null) {
      out.add(what + ": empty");
      return;
    }
    for (String err : contract.validate(schema, instance)) {
      out.add(what + ": " + err);
    }
  }
}
