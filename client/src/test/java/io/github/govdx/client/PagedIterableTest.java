package io.github.govdx.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagedIterableTest {

  private static PagedIterable<Integer> pages(int count, int size, List<String> tokens) {
    return PagedIterable.of(
        token -> {
          tokens.add(String.valueOf(token));
          int p = token == null ? 0 : Integer.parseInt(token);
          List<Integer> items =
              IntStream.range(p * size, p * size + size).boxed().collect(Collectors.toList());
          return Page.of(items, p + 1 < count ? String.valueOf(p + 1) : null);
        });
  }

  @Test
  void iterator_walksEveryPageInOrder_fetchingLazily() {
    List<String> tokens = new ArrayList<>();
    PagedIterable<Integer> it = pages(7, 3, tokens);
    assertThat(tokens).isEmpty();
    assertThat(it.stream().limit(4).collect(Collectors.toList())).containsExactly(0, 1, 2, 3);
    assertThat(tokens).containsExactly("null", "1");
    tokens.clear();
    assertThat(it.stream().collect(Collectors.toList()))
        .isEqualTo(IntStream.range(0, 21).boxed().collect(Collectors.toList()));
    assertThat(tokens).containsExactly("null", "1", "2", "3", "4", "5", "6");
  }

  @Test
  void iterator_emptyPagesInBetween_areSkipped() {
    PagedIterable<String> it =
        PagedIterable.of(
            t ->
                t == null
                    ? Page.of(List.of(), "a")
                    : t.equals("a") ? Page.of(List.of("x"), "b") : Page.of(List.of(), null));
    assertThat(it).containsExactly("x");
    assertThat(it.byPage()).hasSize(3);
  }
}
