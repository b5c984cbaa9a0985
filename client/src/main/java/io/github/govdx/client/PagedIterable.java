package io.github.govdx.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The items of a list call across all its pages: pages are fetched lazily, one call each, as iteration
 * reaches them ({@code docs/protocol.md} section 4). Each {@link #iterator()} starts again from the first
 * page. A failed page fetch throws the call's {@link ExchangeException} from {@code hasNext()}/{@code next()}.
 *
 * <pre>{@code
 * for (ResourceSummary r : client.catalog().search(SearchCatalogRequest.builder().query("户籍").build())) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe to share; each iterator is not thread-safe.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {

  /**
   * Fetches one page.
   *
   * @param <T> the item type
   */
  @FunctionalInterface
  public interface PageFetcher<T> {
    /**
     * Fetches the page with the given token.
     *
     * @param pageToken the token, or {@code null} for the first page
     * @return the page
     */
    Page<T> fetch(@Nullable String pageToken);
  }

  private final PageFetcher<T> fetcher;

  private PagedIterable(PageFetcher<T> fetcher) {
    this.fetcher = fetcher;
  }

  /**
   * Creates an iterable over the pages a fetcher returns.
   *
   * @param fetcher fetches one page per token
   * @param <T> the item type
   * @return the iterable
   * @throws NullPointerException if {@code fetcher} is null
   */
  public static <T> PagedIterable<T> of(PageFetcher<T> fetcher) {
    return new PagedIterable<>(Objects.requireNonNull(fetcher, "fetcher == null"));
  }

  /**
   * Iterates page by page.
   *
   * @return an iterable of pages, fetching lazily
   */
  public Iterable<Page<T>> byPage() {
    return () ->
        new Iterator<>() {
          private @Nullable Page<T> next;
          private @Nullable String token;
          private boolean last;

          @Override
          public boolean hasNext() {
            if (next == null && !last) {
              next = fetcher.fetch(token);
              token = next.nextPageToken().orElse(null);
              last = token == null;
            }
            return next != null;
          }

          @Override
          public Page<T> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            Page<T> p = next;
            next = null;
            return p;
          }
        };
  }

  @Override
  public Iterator<T> iterator() {
    return stream().iterator();
  }

  /**
   * A sequential stream over all items, fetching pages lazily.
   *
   * @return the stream
   */
  public Stream<T> stream() {
    return StreamSupport.stream(byPage().spliterator(), false).flatMap(p -> p.items().stream());
  }
}
