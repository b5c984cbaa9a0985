package io.github.govdx.client.internal;

import io.github.govdx.core.party.PartyId;
import java.io.IOException;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sets {@code X-Request-Id} (the call's id, identical on every retry) and {@code X-Gdx-Party} (the calling
 * party) on every request ({@code docs/protocol.md} section 2.1). Thread-safe.
 */
public final class RequestIdInterceptor implements Interceptor {

  private final String party;

  /**
   * Creates the interceptor.
   *
   * @param self the calling party
   */
  public RequestIdInterceptor(PartyId self) {
    this.party = self.toString();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request r = chain.request();
    if (party.equals(r.header("X-Gdx-Party")) && r.header("X-Request-Id") != null) {
      return chain.proceed(r); // already set by the transport: no request rebuild
    }
    CallState st = r.tag(CallState.class);
    Request.Builder b = r.newBuilder().header("X-Gdx-Party", party);
    if (r.header("X-Request-Id") == null) {
      b.header("X-Request-Id", st != null ? st.requestId() : UUID.randomUUID().toString());
    }
    return chain.proceed(b.build());
  }
}
