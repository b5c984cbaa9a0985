package io.github.govdx.client;

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
public final class Page<T> {

  private final List<T> items;
  private final @Nullable String nextPageToken;

  private Page(List<T> items, @Nullable String nextPageToken) {
    this.items = List.copyOf(items);
    this.nextPageToken = nextPageToken;
  }

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
    return new Page<>(items, nextPageToken);
  }

  /**
   * The items of this page.
   *
   * @return the items, possibly empty
   */
  public List<T> items() {
    return items;
  }

  /**
   * The opaque token of the next page.
   *
   * @return the token, or empty on the last page
   */
  public Optional<String> nextPageToken() {
    return Optional.ofNullable(nextPageToken);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Page)) {
      return false;
    }
    Page<?> that = (Page<?>) o;
    return items.equals(that.items) && Objects.equals(nextPageToken, that.nextPageToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, nextPageToken);
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", hasNext=" + (nextPageToken != null) + "}";
  }
}
