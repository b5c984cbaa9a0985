package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Data objections (数据异议, {@code docs/protocol.md} §12) and their state machine:
 * {@code submitted → under_review → resolved | rejected}, {@code submitted | under_review → withdrawn}.
 * Thread-safe.
 */
public final class ObjectionStore {

  private static final Set<String> CATEGORIES =
      Set.of("inaccurate", "incomplete", "outdated", "other");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern POINTER = Pattern.compile("(/([^/~]|~[01])*)*");

  private final Map<String, Obj> objections = new ConcurrentSkipListMap<>();
  private final AtomicLong seq = new AtomicLong();
  private final Clock clock;
  private final ZoneId zone;
  private final WorkingDays workingDays;
  private final int timeLimit;
  private final Consumer<Obj> onChange;

  /**
   * Creates the store.
   *
   * @param clock the clock
   * @param zone the platform zone
   * @param workingDays the calendar
   * @param timeLimit the default time limit in working days
   * @param onChange called after each state change
   */
  public ObjectionStore(
      Clock clock, ZoneId zone, WorkingDays workingDays, int timeLimit, Consumer<Obj> onChange) {
    this.clock = clock;
    this.zone = zone;
    this.workingDays = workingDays;
    this.timeLimit = timeLimit;
    this.onChange = onChange;
  }

  /** One objection. Guarded by itself. */
  public static final class Obj {
    final String id;
    final String resourceCode;
    final PartyId objector;
    final PartyId provider;
    final ObjectNode request;
    final Instant submittedAt;
    final LocalDate dueDate;
    final int timeLimit;
    final History history = new History();
    String state = "submitted";
    Instant updatedAt;
    @Nullable String resolution;

    Obj(
        String id,
        String resourceCode,
        PartyId objector,
        PartyId provider,
        ObjectNode request,
        Instant at,
        LocalDate due,
        int timeLimit) {
      this.id = id;
      this.resourceCode = resourceCode;
      this.objector = objector;
      this.provider = provider;
      this.request = request;
      this.submittedAt = at;
      this.updatedAt = at;
      this.dueDate = due;
      this.timeLimit = timeLimit;
      history.add("submitted", at, objector, null);
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
     * The objector.
     *
     * @return the party
     */
    public PartyId objector() {
      return objector;
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
      o.put("objectionId", id);
      o.put("resourceCode", resourceCode);
      o.put("objector", objector.toString());
      o.put("provider", provider.toString());
      o.set("messageId", request.get("messageId"));
      o.set("digest", request.get("digest"));
      o.set("pointers", request.has("pointers") ? request.get("pointers") : Json.array());
      o.set("category", request.get("category"));
      o.set("description", request.get("description"));
      o.put("state", state);
      o.put("submittedAt", Json.instant(submittedAt));
      o.put("updatedAt", Json.instant(updatedAt));
      o.put("timeLimitWorkingDays", timeLimit);
      o.put("dueDate", dueDate.toString());
      if (resolution != null) {
        o.put("resolution", resolution);
      }
      o.set("history", history.json());
      return o;
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
      ObjectNode body,
      PartyId objector,
      PartyId provider,
      MessageLedger ledger,
      java.util.function.Predicate<String> personalData) {
    String resourceCode = Json.requiredText(body, "resourceCode");
    String messageId = Json.requiredText(body, "messageId");
    JsonNode digest = body.get("digest");
    if (digest == null
        || !digest.isObject()
        || !digest.path("alg").isTextual()
        || !digest.path("value").isTextual()) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "digest must be {\"alg\", \"value\"}");
    }
    String alg = digest.get("alg").asText();
    String value = digest.get("value").asText();
    if (!Set.of("SM3", "SHA-256").contains(alg) || !HEX.matcher(value).matches()) {
      throw new ApiException(
          WireCode.MALFORMED_REQUEST,
          "digest.alg must be SM3 or SHA-256 and digest.value 64 lowercase hex digits");
    }
    JsonNode pointers = body.get("pointers");
    if (pointers != null) {
      if (!pointers.isArray()) {
        throw new ApiException(
            WireCode.MALFORMED_REQUEST, "pointers must be an array of JSON Pointers");
      }
      for (JsonNode p : pointers) {
        if (!p.isTextual() || !POINTER.matcher(p.asText()).matches()) {
          throw new ApiException(
              WireCode.MALFORMED_REQUEST, "pointers must be JSON Pointers (RFC 6901)");
        }
      }
    }
    String category = Json.requiredText(body, "category");
    if (!CATEGORIES.contains(category)) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "category must be one of " + CATEGORIES);
    }
    String description = Json.requiredText(body, "description");
    if (description.length() > 1000) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "description must be 1-1000 characters");
    }
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
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    String id = String.format("obj-%04d", seq.incrementAndGet());
    Obj o =
        new Obj(
            id,
            resourceCode,
            objector,
            provider,
            body.deepCopy(),
            now,
            workingDays.add(today, timeLimit),
            timeLimit);
    objections.put(id, o);
    return o;
  }

  /**
   * An objection visible to {@code party}.
   *
   * @param id the id
   * @param party the caller
   * @return the objection
   */
  public Obj find(String id, PartyId party) {
    Obj o = objections.get(id);
    if (o == null) {
      throw new ApiException(WireCode.OBJECTION_NOT_FOUND, "no objection " + id);
    }
    if (!o.objector.equals(party) && !o.provider.equals(party)) {
      throw new ApiException(
          WireCode.NOT_A_PARTICIPANT, "the caller is not a party to objection " + id);
    }
    return o;
  }

  /**
   * Withdraws (objector only; idempotent on a withdrawn objection).
   *
   * @param id the id
   * @param party the caller
   * @param reason the reason, or null
   * @return the objection
   */
  public Obj withdraw(String id, PartyId party, @Nullable String reason) {
    Obj o = find(id, party);
    if (!o.objector.equals(party)) {
      throw new ApiException(
          WireCode.NOT_A_PARTICIPANT, "only the objector may withdraw objection " + id);
    }
    synchronized (o) {
      if ("withdrawn".equals(o.state)) {
        return o;
      }
      if (!"submitted".equals(o.state) && !"under_review".equals(o.state)) {
        throw new ApiException(
            WireCode.STATE_CONFLICT,
            "objection " + id + " is " + o.state + " and cannot be withdrawn");
      }
      move(o, "withdrawn", party, reason);
    }
    onChange.accept(o);
    return o;
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
    Obj o = find(id, party);
    if (!o.provider.equals(party)) {
      throw new ApiException(
          WireCode.NOT_A_PARTICIPANT, "only the provider may decide objection " + id);
    }
    if (!Set.of("under_review", "resolved", "rejected").contains(state)) {
      throw new ApiException(
          WireCode.MALFORMED_REQUEST, "state must be under_review, resolved or rejected");
    }
    if (!"under_review".equals(state) && (reason == null || reason.isBlank())) {
      throw new ApiException(WireCode.MALFORMED_REQUEST, "a " + state + " decision needs a reason");
    }
    synchronized (o) {
      boolean ok =
          "under_review".equals(state)
              ? "submitted".equals(o.state)
              : "submitted".equals(o.state) || "under_review".equals(o.state);
      if (!ok) {
        throw new ApiException(
            WireCode.STATE_CONFLICT,
            "objection " + id + " is " + o.state + " and cannot become " + state);
      }
      move(o, state, party, reason);
      if (!"under_review".equals(state)) {
        o.resolution = reason;
      }
    }
    onChange.accept(o);
    return o;
  }

  private void move(Obj o, String state, PartyId by, @Nullable String reason) {
    Instant now = clock.instant();
    o.state = state;
    o.updatedAt = now;
    o.history.add(state, now, by, reason);
  }

  /**
   * Lists objections by role and filters.
   *
   * @param party the caller
   * @param role {@code objector} or {@code provider}
   * @param state a filter, or null
   * @param resourceCode a filter, or null
   * @return the objections as JSON
   */
  public List<ObjectNode> list(
      PartyId party, String role, @Nullable String state, @Nullable String resourceCode) {
    List<ObjectNode> out = new ArrayList<>();
    for (Obj o : objections.values()) {
      PartyId who = "provider".equals(role) ? o.provider : o.objector;
      if (who.equals(party)
          && (state == null || state.equals(o.state()))
          && (resourceCode == null || resourceCode.equals(o.resourceCode))) {
        out.add(o.json());
      }
    }
    return out;
  }
}
