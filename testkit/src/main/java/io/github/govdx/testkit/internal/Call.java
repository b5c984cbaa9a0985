package io.github.govdx.testkit.internal;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.testkit.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One authenticated, routed request as the handlers see it. Immutable.
 *
 * @param route the matched route
 * @param method the method
 * @param rawPath the raw path
 * @param rawQuery the raw query, or null
 * @param headers the headers (names lower-cased)
 * @param body the body bytes
 * @param requestId the request id
 * @param party the calling party
 * @param pathParams the path parameters of the route
 */
public record Call(
    Route route,
    String method,
    String rawPath,
    @Nullable String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String requestId,
    PartyId party,
    Map<String, String> pathParams) {

  /**
   * The first value of a header.
   *
   * @param name the header name, any case
   * @return the value, or empty
   */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /**
   * The decoded query parameters (first value of each name).
   *
   * @return the parameters
   */
  public Map<String, String> query() {
    return parseQuery(rawQuery);
  }

  /**
   * Decodes a raw query string.
   *
   * @param rawQuery the raw query, or null
   * @return name to first value
   */
  public static Map<String, String> parseQuery(@Nullable String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.putIfAbsent(
            URLDecoder.decode(k, StandardCharsets.UTF_8),
            URLDecoder.decode(v, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new ApiException(
            WireCode.MALFORMED_REQUEST, "the query string is not valid percent-encoding");
      }
    }
    return out;
  }

  /**
   * The resource code of a data or catalog route ({@code classCode/sequence}).
   *
   * @return the resource code
   */
  public String resourceCode() {
    return pathParams.get("classCode") + "/" + pathParams.get("sequence");
  }

  /** Summarises without headers or body. */
  @Override
  public String toString() {
    return "Call{" + route + ", " + requestId + ", " + party + "}";
  }

  /**
   * Lists the values of a header for forwarding.
   *
   * @param name the name
   * @return the values
   */
  public List<String> headerValues(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null ? List.of() : new ArrayList<>(v);
  }
}
