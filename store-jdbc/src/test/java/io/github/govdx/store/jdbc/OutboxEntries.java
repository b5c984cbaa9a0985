package io.github.govdx.store.jdbc;

import io.github.govdx.client.outbox.OutboxEntry;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.core.party.PartyId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** Pending outbox entries for the store tests: fresh ids and keys, 1,500 random "sealed" bytes. */
final class OutboxEntries {

  static final PartyId RECEIVER = PartyId.parse("11320500014160478L/hotline");
  private static final SecureRandom RANDOM = new SecureRandom();

  private OutboxEntries() {}

  static OutboxEntry pending(Instant created) {
    byte[] envelope = new byte[1500];
    RANDOM.nextBytes(envelope);
    return OutboxEntry.builder()
        .id(UUID.randomUUID().toString())
        .receiver(RECEIVER)
        .resourceCode("335001001/00012")
        .idempotencyKey("key-" + UUID.randomUUID())
        .messageId(UUID.randomUUID().toString())
        .recordCount(1)
        .envelope(envelope)
        .addSentDigests("0".repeat(64))
        .ownCopy(envelope)
        .state(OutboxState.PENDING)
        .createdAt(created)
        .nextAttemptAt(created)
        .build();
  }
}
