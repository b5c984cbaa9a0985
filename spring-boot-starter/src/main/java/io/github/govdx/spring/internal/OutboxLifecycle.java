package io.github.govdx.spring.internal;

import io.github.govdx.client.outbox.Outbox;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the outbox's dispatcher when the context starts and stops it (waiting for deliveries in flight, at most
 * the lease) when the context stops. Thread-safe.
 */
public final class OutboxLifecycle implements SmartLifecycle {

  private final Outbox outbox;
  private volatile boolean running;

  /**
   * Wraps an outbox.
   *
   * @param outbox the outbox
   */
  public OutboxLifecycle(Outbox outbox) {
    this.outbox = Objects.requireNonNull(outbox, "outbox == null");
  }

  @Override
  public void start() {
    outbox.start();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    outbox.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
