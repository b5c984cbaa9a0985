package io.github.govdx.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;

/** One WireMock server for the whole test run (starting one per class costs seconds); reset per test. */
final class SharedWireMock {

  private static WireMockServer server;

  private SharedWireMock() {}

  static synchronized WireMockServer get() {
    if (server == null) {
      server =
          new WireMockServer(
              wireMockConfig()
                  .dynamicPort()
                  .containerThreads(20)
                  .extensions(new DigestTransformer()));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }
}
