package io.github.govdx.testkit;

import java.net.http.HttpRequest;
import java.util.function.UnaryOperator;

/** Signs bare test requests with a party's gateway credential (govdx HMAC), once client-auth is available. */
final class GatewaySigning {

  private GatewaySigning() {
  }

  static UnaryOperator<HttpRequest.Builder> forParty(TestParty party) {
    return UnaryOperator.identity();
  }

  static HttpRequest sign(TestParty party, HttpRequest request, byte[] body) {
    return request;
  }
}
