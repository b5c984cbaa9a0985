package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's JSON request bodies ({@code docs/protocol.md}), read by {@link Json#read(byte[], Class)}. Each
 * record's constructor refuses a missing required member or a value outside the protocol with {@code GDX-3001}
 * (naming the member, never the value); checks that need the platform's state stay with the handlers.
 */
public final class Requests {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern POINTER = Pattern.compile("(/([^/~]|~[01])*)*");
  private static final Set<String> CATEGORIES =
      Set.of("inaccurate", "incomplete", "outdated", "other");

  private Requests() {}

  private static ApiException malformed(String detail) {
    return new ApiException(WireCode.MALFORMED_REQUEST, detail);
  }

  private static @Nullable List<String> copy(@Nullable List<String> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /**
   * {@code POST /v1/applications} (§8.1).
   *
   * @param resourceCode the resource
   * @param purpose the purpose, 1-500 characters
   * @param legalBasis the legal basis, or null
   * @param items the items asked for, or null for all
   * @param validUntil the last day of the grant (YYYY-MM-DD), or null
   */
  public record NewApplication(
      String resourceCode,
      String purpose,
      @Nullable String legalBasis,
      @Nullable List<String> items,
      @Nullable String validUntil) {

    /** Checks the members. */
    public NewApplication {
      Json.required(resourceCode, "resourceCode");
      if (Json.required(purpose, "purpose").length() > 500) {
        throw malformed("purpose must be 1-500 characters");
      }
      items = copy(items);
      if (validUntil != null) {
        try {
          LocalDate.parse(validUntil, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
          throw malformed("validUntil must be a date YYYY-MM-DD");
        }
      }
    }
  }

  /**
   * {@code POST /v1/applications/{id}/decision} and {@code POST /v1/objections/{id}/decision}.
   *
   * @param state the new state
   * @param reason the reason, or null
   */
  public record Decision(String state, @Nullable String reason) {

    /** Checks the members. */
    public Decision {
      Json.required(state, "state");
    }
  }

  /**
   * The optional body of {@code POST /v1/applications/{id}/withdraw} and {@code POST /v1/objections/{id}/withdraw}.
   *
   * @param reason the reason, or null
   */
  public record Withdrawal(@Nullable String reason) {}

  /**
   * {@code POST /v1/subscriptions} (§11).
   *
   * @param resourceCode the resource
   * @param eventTypes the event types, or null for all
   */
  public record NewSubscription(String resourceCode, @Nullable List<String> eventTypes) {

    /** Checks the members. */
    public NewSubscription {
      Json.required(resourceCode, "resourceCode");
      eventTypes = copy(eventTypes);
      if (eventTypes != null) {
        for (String t : eventTypes) {
          if (!FeedHub.TYPES.contains(t)) {
            throw malformed("unknown event type '" + t + "'");
          }
        }
      }
    }
  }

  /**
   * {@code POST /v1/subscriptions/{id}/ack}.
   *
   * @param cursor the cursor acknowledged
   */
  public record Ack(String cursor) {

    /** Checks the members. */
    public Ack {
      Json.required(cursor, "cursor");
    }
  }

  /**
   * {@code POST /v1/objections} (§12.1).
   *
   * @param resourceCode the resource
   * @param messageId the cited message
   * @param digest the cited envelope's digest
   * @param pointers JSON Pointers into the disputed payload, or null
   * @param category the category
   * @param description the description, 1-1000 characters
   */
  public record NewObjection(
      String resourceCode,
      String messageId,
      Digest digest,
      @Nullable List<String> pointers,
      String category,
      String description) {

    /** Checks the members. */
    public NewObjection {
      Json.required(resourceCode, "resourceCode");
      Json.required(messageId, "messageId");
      if (digest == null) {
        throw malformed("digest must be {\"alg\", \"value\"}");
      }
      if (!Set.of("SM3", "SHA-256").contains(digest.alg())
          || !HEX64.matcher(digest.value()).matches()) {
        throw malformed(
            "digest.alg must be SM3 or SHA-256 and digest.value 64 lowercase hex digits");
      }
      pointers = copy(pointers);
      if (pointers != null) {
        for (String p : pointers) {
          if (p == null || !POINTER.matcher(p).matches()) {
            throw malformed("pointers must be JSON Pointers (RFC 6901)");
          }
        }
      }
      if (!CATEGORIES.contains(Json.required(category, "category"))) {
        throw malformed("category must be one of " + CATEGORIES);
      }
      if (Json.required(description, "description").length() > 1000) {
        throw malformed("description must be 1-1000 characters");
      }
    }
  }

  /**
   * An envelope digest cited by an objection.
   *
   * @param alg {@code SM3} or {@code SHA-256}
   * @param value lowercase hex
   */
  public record Digest(String alg, String value) {

    /** Checks the members. */
    public Digest {
      if (alg == null || value == null) {
        throw malformed("digest must be {\"alg\", \"value\"}");
      }
    }
  }

  /**
   * {@code POST /v1/transfers} (§15.2); the platform's own limits are checked by the hub.
   *
   * @param receiver the receiving party
   * @param resourceCode the resource
   * @param size the stream's size in bytes, at least 1
   * @param sha256 the stream's SHA-256, 64 lowercase hex digits
   * @param partSize the part size asked for, or null
   */
  public record NewTransfer(
      String receiver,
      String resourceCode,
      @Nullable Long size,
      String sha256,
      @Nullable Long partSize) {

    /** Checks the members. */
    public NewTransfer {
      if (!PartyId.isValid(Json.required(receiver, "receiver"))) {
        throw malformed("receiver is not a valid party id");
      }
      Json.required(resourceCode, "resourceCode");
      if (size == null || size < 1) {
        throw malformed("size must be a positive integer");
      }
      if (!HEX64.matcher(Json.required(sha256, "sha256")).matches()) {
        throw malformed("sha256 must be 64 lowercase hex digits");
      }
    }
  }

  /**
   * {@code POST /v1/transfers/{id}/ack}: the receipt is kept as sent.
   *
   * @param receipt the receipt
   */
  public record TransferAck(ObjectNode receipt) {

    /** Checks the members. */
    public TransferAck {
      if (receipt == null) {
        throw malformed("receipt must be an object");
      }
    }
  }

  /**
   * The claims of a receipt's payload the platform checks; the sender verifies the signature.
   *
   * @param snd the sender, or null
   * @param rcv the receiver, or null
   */
  public record ReceiptClaims(@Nullable String snd, @Nullable String rcv) {}
}
