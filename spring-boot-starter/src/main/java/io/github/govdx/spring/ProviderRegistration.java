package io.github.govdx.spring;

import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.provider.PushHandler;
import io.github.govdx.client.provider.QueryHandler;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One resource served by the provider side, declared as a bean: its code (or its catalog detail) and its query
 * and/or push handler. The alternative to {@link GovdxResource} for handlers written as lambdas, or when the
 * catalog detail is at hand (then the exchange is not asked for it at start-up).
 *
 * <pre>{@code
 * @Bean
 * ProviderRegistration demands(DemandRepository repo) {
 *   return ProviderRegistration.query("335002001/00003", q -> QueryAnswer.builder().records(repo.find(q)).build());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ProviderRegistration {

  private final String resourceCode;
  private final @Nullable ResourceDetail detail;
  private final @Nullable QueryHandler query;
  private final @Nullable PushHandler push;

  private ProviderRegistration(
      String resourceCode,
      @Nullable ResourceDetail detail,
      @Nullable QueryHandler query,
      @Nullable PushHandler push) {
    this.resourceCode = Objects.requireNonNull(resourceCode, "resourceCode == null");
    this.detail = detail;
    this.query = query;
    this.push = push;
  }

  /**
   * Serves queries of a resource; its catalog detail is fetched from the exchange at start-up.
   *
   * @param resourceCode the resource code
   * @param handler the handler
   * @return the registration
   */
  public static ProviderRegistration query(String resourceCode, QueryHandler handler) {
    return new ProviderRegistration(
        resourceCode, null, Objects.requireNonNull(handler, "handler == null"), null);
  }

  /**
   * Accepts pushes to a resource; its catalog detail is fetched from the exchange at start-up.
   *
   * @param resourceCode the resource code
   * @param handler the handler
   * @return the registration
   */
  public static ProviderRegistration push(String resourceCode, PushHandler handler) {
    return new ProviderRegistration(
        resourceCode, null, null, Objects.requireNonNull(handler, "handler == null"));
  }

  /**
   * Serves a resource whose catalog detail is at hand: queries, pushes or both (at least one handler).
   *
   * @param detail the catalog detail
   * @param query the query handler, or {@code null}
   * @param push the push handler, or {@code null}
   * @return the registration
   * @throws IllegalArgumentException if both handlers are {@code null}
   */
  public static ProviderRegistration of(
      ResourceDetail detail, @Nullable QueryHandler query, @Nullable PushHandler push) {
    Objects.requireNonNull(detail, "detail == null");
    if (query == null && push == null) {
      throw new IllegalArgumentException("a query or a push handler is required");
    }
    return new ProviderRegistration(detail.resourceCode(), detail, query, push);
  }

  /**
   * The resource code.
   *
   * @return the code
   */
  public String resourceCode() {
    return resourceCode;
  }

  /**
   * The catalog detail, when given.
   *
   * @return the detail
   */
  public Optional<ResourceDetail> detail() {
    return Optional.ofNullable(detail);
  }

  /**
   * The query handler, if any.
   *
   * @return the handler
   */
  public Optional<QueryHandler> queryHandler() {
    return Optional.ofNullable(query);
  }

  /**
   * The push handler, if any.
   *
   * @return the handler
   */
  public Optional<PushHandler> pushHandler() {
    return Optional.ofNullable(push);
  }

  @Override
  public String toString() {
    return "ProviderRegistration{"
        + resourceCode
        + (query != null ? ", query" : "")
        + (push != null ? ", push" : "")
        + "}";
  }
}
