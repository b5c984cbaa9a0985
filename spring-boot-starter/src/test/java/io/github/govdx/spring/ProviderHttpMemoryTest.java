package io.github.govdx.spring;

/** {@link ProviderHttpTestBase} on the default in-memory stores. */
class ProviderHttpMemoryTest extends ProviderHttpTestBase {

  @Override
  String expectedReplayCache() {
    return "InMemoryReplayCache";
  }
}
