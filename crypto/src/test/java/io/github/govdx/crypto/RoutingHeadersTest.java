package io.github.govdx.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nl.jqno.equalsverifier.EqualsVerifier;
import org.junit.jupiter.api.Test;

class RoutingHeadersTest {

  @Test
  void equalsAndHashCode_followAllFields() {
    EqualsVerifier.forClass(RoutingHeaders.class)
        .withNonnullFields("messageId", "sender", "receiver", "resourceCode", "action")
        .verify();
  }

  @Test
  void builder_defaultsAndTruncation() {
    RoutingHeaders h =
        TestPki.headers().issuedAt(Instant.parse("2026-01-01T00:00:00.987Z")).build();
    assertThat(h.messageId()).matches("[0-9a-f-]{36}");
    assertThat(h.issuedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(h.correlationId()).isEmpty();
    assertThat(h.toBuilder().build()).isEqualTo(h);
    assertThat(h.toString()).contains("R-0001").contains(TestPki.A.toString());
  }

  @Test
  void builder_missingOrBadFields_rejected() {
    assertThatThrownBy(() -> RoutingHeaders.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sender");
    assertThatThrownBy(() -> TestPki.headers().action("has space"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TestPki.headers().messageId(""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TestPki.headers().build().issuedAt())
        .isInstanceOf(IllegalStateException.class);
  }
}
