package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Access applications ({@code docs/protocol.md} §8) and their state machine:
 * {@code submitted → under_review → approved | rejected}, and {@code submitted | under_review → withdrawn}.
 * Thread-safe: each application's transitions are atomic under the application's own monitor, and a
 * submission's check for an open application is atomic with its addition (both under the {@code CaseBook}'s
 * monitor); the shared bookkeeping is in {@code CaseBook}.
 */
public final class ApplicationStore {

  /** The open states (an application in one blocks another of the same party for the resource). */
  private static final Set<String> OPEN = Set.of("submitted", "under_review", "approved");

  private static final CaseBook.Kind KIND =
      new CaseBook.Kind(
          "application",
          "applicationId",
          "applicant",
          "decisionReason",
          WireCode.APPLICATION_NOT_FOUND,
          true);

  /** The decisions a provider may take. */
  private static final Set<String> DECISIONS = Set.of("under_review", "approved", "rejected");

  private final CaseBook<App> book;
  private final @Nullable SharedGrants shared;

  /**
   * Creates the store.
   *
   * @param clock the clock
   * @param zone the platform's zone for dates
   * @param workingDays the working-day calendar
   * @param timeLimit the answer period in working days
   * @param onChange called after each state change (outside the application's lock)
   */
  public ApplicationStore(
      Clock clock, ZoneId zone, WorkingDays workingDays, int timeLimit, Consumer<App> onChange) {
    this(clock, zone, workingDays, timeLimit, onChange, null);
  }

  /**
   * Creates the store, publishing its grants to the other instances of a clustered sandbox.
   *
   * @param clock the clock
   * @param zone the platform's zone for dates
   * @param workingDays the working-day calendar
   * @param timeLimit the answer period in working days
   * @param onChange called after each state change (outside the application's lock)
   * @param shared the shared grants, or null
   */
  public ApplicationStore(
      Clock clock,
      ZoneId zone,
      WorkingDays workingDays,
      int timeLimit,
      Consumer<App> onChange,
      @Nullable SharedGrants shared) {
    this.shared = shared;
    Consumer<App> publish =
        shared == null
            ? onChange
            : a -> {
              shared.changed(a);
              onChange.accept(a);
            };
    this.book = new CaseBook<>(KIND, clock, zone, workingDays, timeLimit, publish);
  }

  /** One application. Guarded by itself. */
  public static final class App extends CaseBook.Case {

    private final Requests.NewApplication request;

    App(
        String id,
        String resourceCode,
        PartyId applicant,
        PartyId provider,
        Requests.NewApplication request,
        Instant at,
        LocalDate dueDate,
        int timeLimit) {
      super(KIND, id, resourceCode, applicant, provider, at, dueDate, timeLimit);
      this.request = request;
    }

    /**
     * The applicant.
     *
     * @return the party
     */
    public PartyId applicant() {
      return initiator;
    }

    /**
     * The provider.
     *
     * @return the party
     */
    public PartyId provider() {
      return provider;
    }

    @Override
    void requestJson(ObjectNode o) {
      o.put("purpose", request.purpose());
      if (request.legalBasis() != null) {
        o.put("legalBasis", request.legalBasis());
      }
      if (request.items() != null) {
        ArrayNode items = o.putArray("items");
        request.items().forEach(items::add);
      }
      if (request.validUntil() != null) {
        o.put("validUntil", request.validUntil());
      }
    }

    synchronized boolean grants(PartyId party, String code, LocalDate today) {
      if (!initiator.equals(party) || !resourceCode.equals(code) || !"approved".equals(state)) {
        return false;
      }
      String until = request.validUntil();
      return until == null || !LocalDate.parse(until).isBefore(today);
    }

    /**
     * The date the application asked to be valid until, or null.
     *
     * @return the date text (YYYY-MM-DD)
     */
    public @Nullable String validUntil() {
      return request.validUntil();
    }

    /**
     * The items the application asked for (empty = all).
     *
     * @return the item names
     */
    public List<String> items() {
      return request.items() == null ? List.of() : request.items();
    }
  }

  /**
   * Submits an application (§8.1); the caller checked the resource.
   *
   * @param resourceCode the resource
   * @param applicant the applicant
   * @param provider the resource's provider
   * @param body the request body
   * @return the application
   * @throws ApiException {@code GDX-3209} for an open application
   */
  public App submit(
      String resourceCode, PartyId applicant, PartyId provider, Requests.NewApplication body) {
    return book.add(
        a -> {
          if (a.initiator.equals(applicant)
              && a.resourceCode.equals(resourceCode)
              && OPEN.contains(a.state())) {
            throw new ApiException(
                WireCode.APPLICATION_DUPLICATE,
                "an open application " + a.id + " of this party for " + resourceCode + " exists");
          }
        },
        (today, n) ->
            String.format("app-%s-%04d", today.format(DateTimeFormatter.BASIC_ISO_DATE), n),
        (id, at, due, limit) ->
            new App(id, resourceCode, applicant, provider, body, at, due, limit));
  }

  /**
   * An application visible to {@code party}.
   *
   * @param id the id
   * @param party the caller, or null for the sandbox itself
   * @return the application
   * @throws ApiException {@code GDX-3203} or {@code GDX-3216}
   */
  public App find(String id, @Nullable PartyId party) {
    return book.find(id, party);
  }

  /**
   * Withdraws (§8.4): applicant only; idempotent on a withdrawn application. A reason, when given, becomes
   * the {@code decisionReason}.
   *
   * @param id the id
   * @param party the caller
   * @param reason the reason, or null
   * @return the application
   */
  public App withdraw(String id, PartyId party, @Nullable String reason) {
    return book.withdraw(id, party, reason);
  }

  /**
   * Decides (§8.5 and the sandbox's own review).
   *
   * @param id the id
   * @param party the deciding party (must be the provider), or null for the sandbox acting for the provider
   * @param state {@code under_review}, {@code approved} or {@code rejected}
   * @param reason the reason (required for {@code rejected})
   * @return the application
   */
  public App decide(String id, @Nullable PartyId party, String state, @Nullable String reason) {
    return book.decide(id, party, state, reason, ApplicationStore::checkDecision);
  }

  private static void checkDecision(String state, @Nullable String reason) {
    if (!DECISIONS.contains(state)) {
      throw new ApiException(
          WireCode.MALFORMED_REQUEST, "state must be under_review, approved or rejected");
    }
    if ("rejected".equals(state) && (reason == null || reason.isBlank())) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "a rejection needs a reason");
    }
  }

  /**
   * Whether {@code party} holds an approved, unexpired application for a resource.
   *
   * @param party the party
   * @param resourceCode the resource
   * @return the granting application, or empty
   */
  public Optional<App> grant(PartyId party, String resourceCode) {
    LocalDate today = book.today();
    for (App a : book.cases()) {
      if (a.grants(party, resourceCode, today)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * The items {@code party} may see of a resource under an approved, unexpired application held here or, in a
   * clustered sandbox, at any instance (empty list = all items).
   *
   * @param party the party
   * @param resourceCode the resource
   * @return the items, or empty when nothing grants access
   */
  public Optional<List<String>> grantedItems(PartyId party, String resourceCode) {
    Optional<App> local = grant(party, resourceCode);
    if (local.isPresent()) {
      return Optional.of(local.get().items());
    }
    return shared == null ? Optional.empty() : shared.find(party, resourceCode, book.today());
  }

  /**
   * Lists applications (§8.3) by role and filters, ordered by id.
   *
   * @param party the caller
   * @param role {@code applicant} or {@code provider}
   * @param state a state filter, or null
   * @param resourceCode a resource filter, or null
   * @return the matching applications as JSON
   */
  public List<ObjectNode> list(
      PartyId party, String role, @Nullable String state, @Nullable String resourceCode) {
    return book.list(party, role, state, resourceCode);
  }

  /**
   * Every application, for the sandbox's own API.
   *
   * @return the applications
   */
  public List<App> all() {
    return new ArrayList<>(book.cases());
  }

  /**
   * A JSON array of applications.
   *
   * @param list the applications
   * @return the array
   */
  static ArrayNode array(List<ObjectNode> list) {
    ArrayNode a = Json.array();
    list.forEach(a::add);
    return a;
  }
}
