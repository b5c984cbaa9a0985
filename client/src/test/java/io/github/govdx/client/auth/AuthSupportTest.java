package io.github.govdx.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthSupportTest {

  @Test
  void canonicalQuery_malformedEscapes_keptLiterallyNeverThrow() {
    assertThat(AuthSupport.canonicalQuery("a=%zz&b=%&c=%4")).isEqualTo("a=%25zz&b=%25&c=%254");
  }

  @Test
  void canonicalQuery_emptyOrNull_isEmpty() {
    assertThat(AuthSupport.canonicalQuery(null)).isEmpty();
    assertThat(AuthSupport.canonicalQuery("")).isEmpty();
    assertThat(AuthSupport.canonicalQuery("&&")).isEmpty();
  }

  @Test
  void canonicalQuery_sameNameSortedByValue_andEqualsInValueKept() {
    assertThat(AuthSupport.canonicalQuery("k=b&k=a&j=x=y")).isEqualTo("j=x%3Dy&k=a&k=b");
  }

  @Test
  void canonicalPath_unreservedDecodedReservedEncoded() {
    assertThat(AuthSupport.canonicalPath("/a%7Eb/c%2fd/%41 e/")).isEqualTo("/a~b/c%2Fd/A%20e/");
    assertThat(AuthSupport.canonicalPath("")).isEqualTo("/");
  }

  @Test
  void canonicalQuery_encodingIsIdempotent() {
    String once = AuthSupport.canonicalQuery("q=人口 数据&x=a+b&y=%E4%BA%BA");
    assertThat(AuthSupport.canonicalQuery(once)).isEqualTo(once);
    assertThat(once).isEqualTo("q=%E4%BA%BA%E5%8F%A3%20%E6%95%B0%E6%8D%AE&x=a%2Bb&y=%E4%BA%BA");
  }
}
