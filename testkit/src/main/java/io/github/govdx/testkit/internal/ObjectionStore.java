package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Data objections (数据异议, {@code docs/protocol.md} §12) and their state machine:
 * {@code submitted → under_review → resolved | rejected}, {@code submitted | under_review → withdrawn}.
 * Thread-safe: each objection's transitions are atomic under the objection's own monitor, and ids are drawn
 * under the {@code CaseBook}'s monitor; the shared bookkeeping is in {@code CaseBook}.
 */
public final class ObjectionStore {

  private static final CaseBook.Kind KIND =
      new CaseBook.Kind(
          "objection",
          "objectionId",
          "objector",
          "resolution",
          WireCode.OBJECTION_NOT_FOUND,
          false);

  /** The decisions a provider may take. */
  private static final Set<String> DECISIONS = Set.of("under_review", "resolved", "rejected");

  private final CaseBook<Obj> book;

  /**
   * Creates the store.
   *
   * @param clock the clock
   * @param zone the platform zone
   * @param workingDays the calendar
   * @param timeLimit the default time limit in working days
   * @param onChange called after each state change (outside the objection's lock)
   */
  public ObjectionStore(
      Clock clock, ZoneId zone, WorkingDays workingDays, int timeLimit, Consumer<Obj> onChange) {
    this.book = new CaseBook<>(KIND, clock, zone, workingDays, timeLimit, onChange);
  }

  /** One objection. Guarded by itself. */
  public static final class Obj extends CaseBook.Case {

    private final Requests.NewObjection request;

    Obj(
        String id,
        String resourceCode,
        PartyId objector,
        PartyId provider,
        Requests.NewObjection request,
        Instant at,
        LocalDate due,
        int timeLimit) {
      super(KIND, id, resourceCode, objector, provider, at, due, timeLimit);
      this.request = request;
    }

    /**
     * The objector.
     *
     * @return the party
     */
    public PartyId objector() {
      return initiator;
    }

    @Override
    void requestJson(ObjectNode o) {
      o.put("messageId", request.messageId());
      o.putObject("digest")
          .put("alg", request.digest().alg())
          .put("value", request.digest().value());
      ArrayNode pointers = o.putArray("pointers");
      if (request.pointers() != null) {
        request.pointers().forEach(pointers::add);
      }
      o.put("category", request.category());
      o.put("description", request.description());
    }
  }

  /**
   * Raises an objection (§12.1); the caller checked the resource.
   *
   * @param body the request body
   * @param objector the objecting party
   * @param provider the resource's provider
   * @param ledger the envelopes seen, to check the citation
   * @param personalData a check that the description holds no identifier
   * @return the objection
   */
  public Obj raise(
      Requests.NewObjection body,
      PartyId objector,
      PartyId provider,
      MessageLedger ledger,
      java.util.function.Predicate<String> personalData) {
    String resourceCode = body.resourceCode();
    String messageId = body.messageId();
    String alg = body.digest().alg();
    String value = body.digest().value();
    String description = body.description();
    if (personalData.test(description)) {
      throw new ApiException(
          WireCode.MALFORMED_REQUEST,
          "description must not contain personal data (an ID or phone number was found)");
    }
    if (!ledger.cites(messageId, alg, value, objector, provider, resourceCode)) {
      throw new ApiException(
          WireCode.OBJECTION_CITATION_INVALID,
          "message "
              + messageId
              + " with that digest did not pass between the caller and the provider of "
              + resourceCode);
    }
    return book.add(
        o -> {},
        (today, n) -> String.format("obj-%04d", n),
        (id, at, due, limit) ->
            new Obj(id, resourceCode, objector, provider, body, at, due, limit));
  }

  /**
   * An objection visible to {@code party}.
   *
   * @param id the id
   * @param party the caller
   * @return the objection
   */
  public Obj find(String id, PartyId party) {
    return book.find(id, party);
  }

  /**
   * Withdraws (objector only; idempotent on a withdrawn objection). The reason goes into the history only.
   *
   * @param id the id
   * @param party the caller
   * @param reason the reason, or null
   * @return the objection
   */
  public Obj withdraw(String id, PartyId party, @Nullable String reason) {
    return book.withdraw(id, party, reason);
  }

  /**
   * Decides (provider only).
   *
   * @param id the id
   * @param party the caller
   * @param state {@code under_review}, {@code resolved} or {@code rejected}
   * @param reason the reason (required for final states)
   * @return the objection
   */
  public Obj decide(String id, PartyId party, String state, @Nullable String reason) {
    return book.decide(id, party, state, reason, ObjectionStore::checkDecision);
  }

  private static void checkDecision(String state, @Nullable String reason) {
    if (!DECISIONS.contains(state)) {
      throw new ApiException(
          WireCode.MALFORMED_REQUEST, "state must be under_review, resolved or rejected");
    }
    if (!"under_review".equals(state) && (reason == null || reason.isBlank())) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "a " + state + " decision needs a reason");
    }
  }

  /**
   * Lists objections by role and filters, ordered by id.
   *
   * @param party the caller
   * @param role {@code objector} or {@code provider}
   * @param state a filter, or null
   * @param resourceCode a filter, or null
   * @return the objections as JSON
   */
  public List<ObjectNode> list(
      PartyId party, String role, @Nullable String state, @Nullable String resourceCode) {
    return book.list(party, role, state, resourceCode);
  }
}
