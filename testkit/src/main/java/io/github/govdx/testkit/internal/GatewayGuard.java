package io.github.govdx.testkit.internal;

import io.github.govdx.core.party.PartyId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The gateway's authentication of the calling system. Implementations are thread-safe. */
@FunctionalInterface
public interface GatewayGuard {

  /**
   * Authenticates a request.
   *
   * @param method the method
   * @param rawPath the raw path
   * @param rawQuery the raw query, or null
   * @param headers the headers
   * @param body the body
   * @return the parties the credential is bound to, or null when any party may call (authentication off)
   * @throws ApiException a {@code GDX-31xx} failure
   */
  @Nullable Set<PartyId> authenticate(
      String method,
      String rawPath,
      @Nullable String rawQuery,
      Map<String, List<String>> headers,
      byte[] body);
}
