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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Access applications ({@code docs/protocol.md} §8) and their state machine:
 * {@code submitted → under_review → approved | rejected}, and {@code submitted | under_review → withdrawn}.
 * Thread-safe: each application's transitions are atomic.
 */
public final class ApplicationStore {

  /** The open states (an application in one blocks another of the same party for the resource). */
  private static final Set<String> OPEN = Set.of("submitted", "under_review", "approved");

  private final Map<String, App> apps = new ConcurrentSkipListMap<>();
  private final AtomicLong seq = new AtomicLong();
  private final Clock clock;
  private final ZoneId zone;
  private final WorkingDays workingDays;
  private final int timeLimit;
  private final Consumer<App> onChange;

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
    this.clock = clock;
    this.zone = zone;
    this.workingDays = workingDays;
    this.timeLimit = timeLimit;
    this.onChange = onChange;
  }

  /** One application. Guarded by itself. */
  public static final class App {
    final String id;
    final String resourceCode;
    final PartyId applicant;
    final PartyId provider;
    final ObjectNode request;
    final Instant submittedAt;
    final LocalDate dueDate;
    final int timeLimit;
    final History history = new History();
    String state = "submitted";
    Instant updatedAt;
    @Nullable String decisionReason;

    App(
        String id,
        String resourceCode,
        PartyId applicant,
        PartyId provider,
        ObjectNode request,
        Instant at,
        LocalDate dueDate,
        int timeLimit) {
      this.id = id;
      this.resourceCode = resourceCode;
      this.applicant = applicant;
      this.provider = provider;
      this.request = request;
      this.submittedAt = at;
      this.updatedAt = at;
      this.dueDate = dueDate;
      this.timeLimit = timeLimit;
      history.add("submitted", at, applicant, null);
    }

    /**
     * The id.
     *
     * @return the id
     */
    public String id() {
      return id;
    }

    /**
     * The resource.
     *
     * @return the code
     */
    public String resourceCode() {
      return resourceCode;
    }

    /**
     * The applicant.
     *
     * @return the party
     */
    public PartyId applicant() {
      return applicant;
    }

    /**
     * The provider.
     *
     * @return the party
     */
    public PartyId provider() {
      return provider;
    }

    /**
     * The state.
     *
     * @return the state
     */
    public synchronized String state() {
      return state;
    }

    /**
     * The JSON form.
     *
     * @return the object
     */
    public synchronized ObjectNode json() {
      ObjectNode o = Json.object();
      o.put("applicationId", id);
      o.put("resourceCode", resourceCode);
      o.put("applicant", applicant.toString());
      o.put("provider", provider.toString());
      o.set("purpose", request.get("purpose"));
      for (String f : List.of("legalBasis", "items", "validUntil")) {
        if (request.hasNonNull(f)) {
          o.set(f, request.get(f));
        }
      }
      o.put("state", state);
      o.put("submittedAt", Json.instant(submittedAt));
      o.put("updatedAt", Json.instant(updatedAt));
      o.put("timeLimitWorkingDays", timeLimit);
      o.put("dueDate", dueDate.toString());
      if (decisionReason != null) {
        o.put("decisionReason", decisionReason);
      }
      o.set("history", history.json());
      return o;
    }

    synchronized boolean grants(PartyId party, String code, LocalDate today) {
      if (!applicant.equals(party) || !resourceCode.equals(code) || !"approved".equals(state)) {
        return false;
      }
      String until = request.path("validUntil").asText(null);
      return until == null || !LocalDate.parse(until).isBefore(today);
    }

    /**
     * The items the application asked for (empty = all).
     *
     * @return the item names
     */
    public synchronized List<String> items() {
      List<String> out = new ArrayList<>();
      request.path("items").forEach(n -> out.add(n.asText()));
      return out;
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
   * @throws ApiException {@code GDX-3001} for a bad body, {@code GDX-3209} for an open application
   */
  public App submit(String resourceCode, PartyId applicant, PartyId provider, ObjectNode body) {
    String purpose = Json.requiredText(body, "purpose");
    if (purpose.length() > 500) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "purpose must be 1-500 characters");
    }
    Json.text(body, "legalBasis");
    if (body.has("items") && !body.get("items").isArray()) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "items must be an array of item names");
    }
    String until = Json.text(body, "validUntil");
    if (until != null) {
      try {
        LocalDate.parse(until, DateTimeFormatter.ISO_LOCAL_DATE);
      } catch (java.time.format.DateTimeParseException e) {
        throw new ApiException(WireCode.MALFORMED_REQUEST, "validUntil must be a date YYYY-MM-DD");
      }
    }
    Instant now = clock.instant();
    synchronized (this) {
      for (App a : apps.values()) {
        if (a.applicant.equals(applicant)
            && a.resourceCode.equals(resourceCode)
            && OPEN.contains(a.state())) {
          throw new ApiException(
              WireCode.APPLICATION_DUPLICATE,
              "an open application " + a.id + " of this party for " + resourceCode + " exists");
        }
      }
      LocalDate today = LocalDate.ofInstant(now, zone);
      String id =
          String.format(
              "app-%s-%04d", today.format(DateTimeFormatter.BASIC_ISO_DATE), seq.incrementAndGet());
      App a =
          new App(
              id,
              resourceCode,
              applicant,
              provider,
              body.deepCopy(),
              now,
              workingDays.add(today, timeLimit),
              timeLimit);
      apps.put(id, a);
      return a;
    }
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
    App a = apps.get(id);
    if (a == null) {
      throw new ApiException(WireCode.APPLICATION_NOT_FOUND, "no application " + id);
    }
    if (party != null && !a.applicant.equals(party) && !a.provider.equals(party)) {
      throw new ApiException(
          WireCode.NOT_A_PARTICIPANT, "the caller is not a party to application " + id);
    }
    return a;
  }

  /**
   * Withdraws (§8.4): applicant only; idempotent on a withdrawn application.
   *
   * @param id the id
   * @param party the caller
   * @param reason the reason, or null
   * @return the application
   */
  public App withdraw(String id, PartyId party, @Nullable String reason) {
    App a = find(id, party);
    if (!a.applicant.equals(party)) {
      throw new ApiException(
          WireCode.NOT_A_PARTICIPANT, "only the applicant may withdraw application " + id);
    }
    synchronized (a) {
      if ("withdrawn".equals(a.state)) {
        return a;
      }
      if (!"submitted".equals(a.state) && !"under_review".equals(a.state)) {
        throw new ApiException(
            WireCode.STATE_CONFLICT,
            "application " + id + " is " + a.state + " and cannot be withdrawn");
      }
      move(a, "withdrawn", party, reason);
      if (reason != null) {
        a.decisionReason = reason;
      }
    }
    onChange.accept(a);
    return a;
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
    App a = find(id, party);
    if (party != null && !a.provider.equals(party)) {
      throw new ApiException(
          WireCode.NOT_A_PARTICIPANT, "only the provider may decide application " + id);
    }
    if (!Set.of("under_review", "approved", "rejected").contains(state)) {
      throw new ApiException(
          WireCode.MALFORMED_REQUEST, "state must be under_review, approved or rejected");
    }
    if ("rejected".equals(state) && (reason == null || reason.isBlank())) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "a rejection needs a reason");
    }
    synchronized (a) {
      boolean ok =
          "under_review".equals(state)
              ? "submitted".equals(a.state)
              : "submitted".equals(a.state) || "under_review".equals(a.state);
      if (!ok) {
        throw new ApiException(
            WireCode.STATE_CONFLICT,
            "application " + id + " is " + a.state + " and cannot become " + state);
      }
      move(a, state, party == null ? a.provider : party, reason);
      if (!"under_review".equals(state)) {
        a.decisionReason = reason;
      }
    }
    onChange.accept(a);
    return a;
  }

  private void move(App a, String state, PartyId by, @Nullable String reason) {
    Instant now = clock.instant();
    a.state = state;
    a.updatedAt = now;
    a.history.add(state, now, by, reason);
  }

  /**
   * Whether {@code party} holds an approved, unexpired application for a resource.
   *
   * @param party the party
   * @param resourceCode the resource
   * @return the granting application, or empty
   */
  public Optional<App> grant(PartyId party, String resourceCode) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
    for (App a : apps.values()) {
      if (a.grants(party, resourceCode, today)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
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
    List<ObjectNode> out = new ArrayList<>();
    for (App a : apps.values()) {
      PartyId who = "provider".equals(role) ? a.provider : a.applicant;
      if (who.equals(party)
          && (state == null || state.equals(a.state()))
          && (resourceCode == null || resourceCode.equals(a.resourceCode))) {
        out.add(a.json());
      }
    }
    return out;
  }

  /**
   * Every application, for the sandbox's own API.
   *
   * @return the applications
   */
  public List<App> all() {
    return new ArrayList<>(apps.values());
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
