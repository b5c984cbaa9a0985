package io.github.govdx.client.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.PagedIterable;

/**
 * Data exchange ({@code docs/protocol.md} sections 9 and 10): sealed queries whose records are validated
 * against the resource schema and mapped to the caller's type, and sealed pushes that are stored exactly
 * once and answered with a signed receipt. Thread-safe.
 *
 * <pre>{@code
 * QueryResult<Person> r = client.data().query(QueryRequest.builder()
 *     .resourceCode("335001001/00012").filter("sfzh", idNumber).build(), Person.class);
 * }</pre>
 */
public interface DataClient {

  /**
   * Queries one page, records as JSON objects.
   *
   * @param request the query
   * @return the page of records
   * @throws ExchangeException e.g. {@code GDX-3206} without an approved application, {@code GDX-3409} if the
   *     records fail the schema, {@code GDX-3405}/{@code GDX-3406} if the response cannot be trusted
   */
  QueryResult<JsonNode> query(QueryRequest request);

  /**
   * Queries one page, records mapped to {@code type} with Jackson after schema validation.
   *
   * @param request the query
   * @param type the record type
   * @param <T> the record type
   * @return the page of records
   * @throws ExchangeException as {@link #query(QueryRequest)}; {@code GDX-3403} if a record does not map
   */
  <T> QueryResult<T> query(QueryRequest request, Class<T> type);

  /**
   * Queries across all pages, lazily (one sealed query per page).
   *
   * @param request the query (its page token, if any, is where iteration starts)
   * @param type the record type
   * @param <T> the record type
   * @return the records of all pages
   */
  <T> PagedIterable<T> queryAll(QueryRequest request, Class<T> type);

  /**
   * Pushes a batch. Retried on transient failures with the same idempotency key and the identical envelope,
   * so the batch is stored exactly once; the receipt is checked before this returns.
   *
   * @param request the batch
   * @return the stored batch and its receipt
   * @throws ExchangeException e.g. {@code GDX-3410} if a record fails the schema (nothing is sent),
   *     {@code GDX-3303} if the provider rejects records, {@code GDX-3412} if the receipt is invalid
   */
  PushResult push(PushRequest request);
}
