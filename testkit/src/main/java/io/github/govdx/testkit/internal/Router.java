package io.github.govdx.testkit.internal;

import io.github.govdx.testkit.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The routing table of the protocol: matches a raw path and method to a {@link Route} and its path parameters.
 * Paths are case-sensitive; a party id takes one or two segments ({@code docs/protocol.md} §1). Thread-safe.
 */
public final class Router {

  private static final String SEG = "([0-9A-Za-z]{1,32})";
  private static final String ID = "([A-Za-z0-9._-]{1,64})";

  private final List<Entry> entries = new ArrayList<>();

  /** Creates the table of every route of protocol version 1. */
  public Router() {
    add(Route.CATALOG_SEARCH, "/v1/catalog/resources");
    add(Route.CATALOG_DETAIL, "/v1/catalog/resources/" + SEG + "/" + SEG, "classCode", "sequence");
    add(Route.PARTY_DETAIL, "/v1/parties/([0-9A-Z]{18}(?:/[a-z0-9][a-z0-9_-]{0,31})?)", "partyId");
    add(Route.APPLICATION_SUBMIT, "/v1/applications");
    add(Route.APPLICATION_LIST, "/v1/applications");
    add(Route.APPLICATION_GET, "/v1/applications/" + ID, "applicationId");
    add(Route.APPLICATION_WITHDRAW, "/v1/applications/" + ID + "/withdraw", "applicationId");
    add(Route.APPLICATION_DECISION, "/v1/applications/" + ID + "/decision", "applicationId");
    add(Route.DATA_QUERY, "/v1/data/" + SEG + "/" + SEG + "/query", "classCode", "sequence");
    add(Route.DATA_PUSH, "/v1/data/" + SEG + "/" + SEG + "/batches", "classCode", "sequence");
    add(Route.SUBSCRIPTION_CREATE, "/v1/subscriptions");
    add(Route.SUBSCRIPTION_GET, "/v1/subscriptions/" + ID, "subscriptionId");
    add(Route.SUBSCRIPTION_DELETE, "/v1/subscriptions/" + ID, "subscriptionId");
    add(Route.SUBSCRIPTION_EVENTS, "/v1/subscriptions/" + ID + "/events", "subscriptionId");
    add(Route.SUBSCRIPTION_ACK, "/v1/subscriptions/" + ID + "/ack", "subscriptionId");
    add(Route.OBJECTION_RAISE, "/v1/objections");
    add(Route.OBJECTION_LIST, "/v1/objections");
    add(Route.OBJECTION_GET, "/v1/objections/" + ID, "objectionId");
    add(Route.OBJECTION_WITHDRAW, "/v1/objections/" + ID + "/withdraw", "objectionId");
    add(Route.OBJECTION_DECISION, "/v1/objections/" + ID + "/decision", "objectionId");
    add(Route.TRANSFER_CREATE, "/v1/transfers");
    add(Route.TRANSFER_LIST, "/v1/transfers");
    add(Route.TRANSFER_GET, "/v1/transfers/" + ID, "transferId");
    add(
        Route.TRANSFER_PART,
        "/v1/transfers/" + ID + "/parts/([0-9]{1,7})",
        "transferId",
        "partNumber");
    add(Route.TRANSFER_COMPLETE, "/v1/transfers/" + ID + "/complete", "transferId");
    add(Route.TRANSFER_CONTENT, "/v1/transfers/" + ID + "/content", "transferId");
    add(Route.TRANSFER_ACK, "/v1/transfers/" + ID + "/ack", "transferId");
  }

  private void add(Route route, String regex, String... names) {
    entries.add(new Entry(route, Pattern.compile(regex), names));
  }

  /** A route match. */
  public record Match(Route route, Map<String, String> params) {
    /**
     * Copies the parameters.
     *
     * @param route the route
     * @param params the parameters
     */
    public Match {
      params = Map.copyOf(params);
    }
  }

  /**
   * Finds the route of a request.
   *
   * @param method the method
   * @param rawPath the raw path
   * @return the match
   * @throws ApiException {@code GDX-3004} for an unknown path, {@code GDX-3005} for a known path with another method
   */
  public Match match(String method, String rawPath) {
    boolean pathKnown = false;
    for (Entry e : entries) {
      Matcher m = e.pattern.matcher(rawPath);
      if (!m.matches()) {
        continue;
      }
      pathKnown = true;
      if (!e.route.method().equals(method)) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < e.names.length; i++) {
        params.put(e.names[i], m.group(i + 1));
      }
      return new Match(e.route, params);
    }
    if (pathKnown) {
      throw new ApiException(
          WireCode.METHOD_NOT_ALLOWED, "method " + method + " is not allowed on this path");
    }
    throw new ApiException(WireCode.ROUTE_NOT_FOUND, "no route for this path");
  }

  /**
   * Finds the route of a request without throwing.
   *
   * @param method the method
   * @param rawPath the raw path
   * @return the route, or null
   */
  public @Nullable Route find(String method, String rawPath) {
    try {
      return match(method, rawPath).route();
    } catch (ApiException e) {
      return null;
    }
  }

  private record Entry(Route route, Pattern pattern, String[] names) {}
}
