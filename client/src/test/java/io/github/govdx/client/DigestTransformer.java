package io.github.govdx.client;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Replaces {@code DIGEST} in a stubbed answer by the SHA-256 hex of the request body, as a receiver would. */
final class DigestTransformer implements ResponseTransformerV2 {

  static final String NAME = "govdx-digest";

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    try {
      String hex =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256").digest(serveEvent.getRequest().getBody()));
      return Response.Builder.like(response)
          .but()
          .body(response.getBodyAsString().replace("DIGEST", hex))
          .build();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
