package io.github.govdx.client;

import io.github.govdx.client.internal.ValueStyle;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list result and the token of the next page ({@code docs/protocol.md} section 4).
 * Immutable and thread-safe if its items are.
 *
 * @param <T> the item type
 */
@ValueStyle
public abstract class Page<T> {

  Page() {}

  /**
   * Creates a page.
   *
   * @param items the items of this page
   * @param nextPageToken the next page's token, or {@code null} on the last page
   * @param <T> the item type
   * @return the page
   * @throws NullPointerException if {@code items} is null or holds null
   */
  public static <T> Page<T> of(List<T> items, @Nullable String nextPageToken) {
    Objects.requireNonNull(items, "items == null");
    return ImmutablePage.<T>builder().items(items).nextPageToken(nextPageToken).build();
  }

  /** @return the items of this page, possibly empty */
  public abstract List<T> items();

  /** @return the opaque token of the next page, or empty on the last page */
  public abstract Optional<String> nextPageToken();

  @Override
  public String toString() {
    return "Page{items=" + items().size() + ", hasNext=" + nextPageToken().isPresent() + "}";
  }
}
