package io.github.govdx.client.provider;

/**
 * The department's answer to a query, called by {@link ProviderEndpoint} after the envelope was opened, the
 * caller authorised and the query validated. Implementations must be thread-safe; an exception becomes a
 * {@code 500} / {@code GDX-3306} answer (its message is not sent).
 */
@FunctionalInterface
public interface QueryHandler {

  /**
   * Answers a query.
   *
   * @param query the query
   * @return the page of records
   */
  QueryAnswer answer(ProviderQuery query);
}
