package io.github.govdx.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.core.party.PartyId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A push batch stored by the sandbox acting as the provider ({@code docs/protocol.md} §10), for assertions such
 * as "exactly one batch per idempotency key". Records are as pushed (they may hold personal data: do not log them).
 *
 * @param resourceCode the resource
 * @param batchId the batch id from the receipt
 * @param sender the pushing party
 * @param messageId the push envelope's message id
 * @param storedAt when it was stored
 * @param records the records, in order
 */
public record StoredBatch(
    String resourceCode,
    String batchId,
    PartyId sender,
    String messageId,
    Instant storedAt,
    List<JsonNode> records) {

  /**
   * Checks and copies the members.
   *
   * @param resourceCode the resource
   * @param batchId the batch id
   * @param sender the sender
   * @param messageId the message id
   * @param storedAt the time
   * @param records the records
   */
  public StoredBatch {
    Objects.requireNonNull(resourceCode, "resourceCode == null");
    Objects.requireNonNull(batchId, "batchId == null");
    Objects.requireNonNull(sender, "sender == null");
    Objects.requireNonNull(messageId, "messageId == null");
    Objects.requireNonNull(storedAt, "storedAt == null");
    records = List.copyOf(records);
  }

  /** Summarises without the records. */
  @Override
  public String toString() {
    return "StoredBatch{"
        + resourceCode
        + ", "
        + batchId
        + ", "
        + sender
        + ", "
        + records.size()
        + " records}";
  }
}
