package io.github.govdx.client.internal;

import io.github.govdx.client.ExchangeClient;
import java.util.Objects;
import java.util.function.Function;

/**
 * How other packages of govdx-client (the outbox) reach a client's internal parts without widening the public
 * API: {@link ExchangeClient} installs the accessor when its class initialises. Not for applications.
 */
public final class ClientAccess {

  private static volatile Function<ExchangeClient, DataImpl> data;

  private ClientAccess() {}

  /**
   * Installs the accessor; only the first call counts (made by {@link ExchangeClient}'s class initialiser).
   *
   * @param accessor from a client to its data calls
   */
  public static synchronized void install(Function<ExchangeClient, DataImpl> accessor) {
    if (data == null) {
      data = Objects.requireNonNull(accessor, "accessor == null");
    }
  }

  /**
   * The data calls of a client.
   *
   * @param client the client
   * @return its data calls
   */
  public static DataImpl data(ExchangeClient client) {
    Objects.requireNonNull(client, "client == null");
    return data.apply(client);
  }
}
