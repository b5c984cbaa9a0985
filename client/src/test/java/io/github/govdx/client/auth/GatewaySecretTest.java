package io.github.govdx.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GatewaySecretTest {

  @Test
  void toString_isRedacted() {
    assertThat(GatewaySecret.ofUtf8("s3cr3t".toCharArray()).toString())
        .isEqualTo("GatewaySecret[REDACTED]");
  }

  @Test
  void ofUtf8_encodesUtf8AndCopies() {
    char[] chars = "密钥k".toCharArray();
    GatewaySecret secret = GatewaySecret.ofUtf8(chars);
    java.util.Arrays.fill(chars, 'x');

    assertThat(secret.bytes()).isEqualTo("密钥k".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void of_copiesInput() {
    byte[] key = {1, 2, 3};
    GatewaySecret secret = GatewaySecret.of(key);
    key[0] = 9;

    assertThat(secret.bytes()).containsExactly(1, 2, 3);
  }

  @Test
  void of_empty_throwsIllegalArgument() {
    assertThatThrownBy(() -> GatewaySecret.of(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GatewaySecret.ofUtf8(new char[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
