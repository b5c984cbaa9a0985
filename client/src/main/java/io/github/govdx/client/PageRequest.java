package io.github.govdx.client;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The paging part of a listing request ({@code docs/protocol.md} section 4): an optional page size of 1 to
 * 100 and the token of the page to fetch. Implementations are immutable and thread-safe.
 */
public interface PageRequest {

  /** @return the page size, 1 to 100, or empty for the platform's default */
  Optional<Integer> pageSize();

  /** @return the token of the page to fetch, or empty for the first page */
  Optional<String> pageToken();

  /**
   * Checks the page size when the request is built.
   *
   * @throws IllegalArgumentException if the page size is outside 1 to 100
   */
  @Value.Check
  default void checkPageSize() {
    pageSize()
        .filter(n -> n < 1 || n > 100)
        .ifPresent(
            n -> {
              throw new IllegalArgumentException("pageSize must be 1-100: " + n);
            });
  }
}
