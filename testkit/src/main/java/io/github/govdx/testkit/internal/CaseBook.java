package io.github.govdx.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.core.party.PartyId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The bookkeeping that access applications ({@code docs/protocol.md} §8) and data objections (数据异议, §12)
 * share: a case is raised by an initiator (the applicant or the objector) against a resource's provider,
 * gets an id from a sequence and a due date a fixed number of working days (工作日) ahead, and moves
 * {@code submitted → under_review → <final state> | rejected} or {@code submitted | under_review → withdrawn},
 * each move recorded in its history.
 *
 * <p>Thread-safe. The cases sit in a concurrent map ordered by id. Ids are drawn and cases added under this
 * book's monitor, so a store's conflict check runs atomically with the add. Each case's mutable state
 * ({@code state}, {@code updatedAt}, {@code outcome}, {@code history}) is guarded by the case's own monitor.
 * The change callback runs after the case's monitor is released. Lock order: book, then case; never the
 * reverse.
 *
 * @param <C> the kind of case
 */
final class CaseBook<C extends CaseBook.Case> {

  /**
   * What differs between kinds of case in messages and JSON member names. Immutable.
   *
   * @param noun the case's name in messages ({@code application})
   * @param idMember the JSON member holding the id ({@code applicationId})
   * @param initiatorRole the initiator's role, in messages, list filters and JSON ({@code applicant})
   * @param outcomeMember the JSON member holding the decision's reason ({@code decisionReason})
   * @param notFound the code for an unknown id
   * @param withdrawalReasonIsOutcome whether a withdrawal's reason (when given) becomes the outcome
   */
  record Kind(
      String noun,
      String idMember,
      String initiatorRole,
      String outcomeMember,
      WireCode notFound,
      boolean withdrawalReasonIsOutcome) {}

  /**
   * Forms a new case's id. Must be a pure function.
   */
  @FunctionalInterface
  interface IdScheme {

    /**
     * The id.
     *
     * @param today the submission date in the platform's zone
     * @param n the case's number in the sequence, from 1
     * @return the id
     */
    String id(LocalDate today, long n);
  }

  /**
   * Makes a case from what the book assigns. Called under the book's monitor.
   *
   * @param <C> the kind of case
   */
  @FunctionalInterface
  interface Factory<C> {

    /**
     * Makes the case.
     *
     * @param id the id
     * @param at the submission instant
     * @param dueDate the date the answer is due
     * @param timeLimit the answer period in working days
     * @return the case
     */
    C make(String id, Instant at, LocalDate dueDate, int timeLimit);
  }

  /** Checks a decision's own arguments before the transition, throwing {@link ApiException} to refuse. */
  @FunctionalInterface
  interface DecisionRule {

    /**
     * Checks the decision.
     *
     * @param state the target state
     * @param reason the reason, or null
     */
    void check(String state, @Nullable String reason);
  }

  /**
   * One case. Its mutable state is guarded by itself; a subclass's request-specific JSON is written under
   * that monitor.
   */
  abstract static class Case {
    final Kind kind;
    final String id;
    final String resourceCode;
    final PartyId initiator;
    final PartyId provider;
    final Instant submittedAt;
    final LocalDate dueDate;
    final int timeLimit;
    final History history = new History();
    String state = "submitted";
    Instant updatedAt;
    @Nullable String outcome;

    Case(
        Kind kind,
        String id,
        String resourceCode,
        PartyId initiator,
        PartyId provider,
        Instant at,
        LocalDate dueDate,
        int timeLimit) {
      this.kind = kind;
      this.id = id;
      this.resourceCode = resourceCode;
      this.initiator = initiator;
      this.provider = provider;
      this.submittedAt = at;
      this.updatedAt = at;
      this.dueDate = dueDate;
      this.timeLimit = timeLimit;
      history.add("submitted", at, initiator, null);
    }

    /**
     * The id.
     *
     * @return the id
     */
    public final String id() {
      return id;
    }

    /**
     * The resource.
     *
     * @return the code
     */
    public final String resourceCode() {
      return resourceCode;
    }

    /**
     * The state.
     *
     * @return the state
     */
    public final synchronized String state() {
      return state;
    }

    /**
     * The JSON form: id, resource, parties, the request's members, then state, times, due date, outcome and
     * history.
     *
     * @return the object
     */
    public final synchronized ObjectNode json() {
      ObjectNode o = Json.object();
      o.put(kind.idMember(), id);
      o.put("resourceCode", resourceCode);
      o.put(kind.initiatorRole(), initiator.toString());
      o.put("provider", provider.toString());
      requestJson(o);
      o.put("state", state);
      o.put("submittedAt", Json.instant(submittedAt));
      o.put("updatedAt", Json.instant(updatedAt));
      o.put("timeLimitWorkingDays", timeLimit);
      o.put("dueDate", dueDate.toString());
      if (outcome != null) {
        o.put(kind.outcomeMember(), outcome);
      }
      o.set("history", history.json());
      return o;
    }

    /**
     * Adds the request's own members to the JSON form. Called holding this case's monitor.
     *
     * @param o the object being written
     */
    abstract void requestJson(ObjectNode o);
  }

  private final Map<String, C> cases = new ConcurrentSkipListMap<>();
  private final AtomicLong seq = new AtomicLong();
  private final Kind kind;
  private final Clock clock;
  private final ZoneId zone;
  private final WorkingDays workingDays;
  private final int timeLimit;
  private final Consumer<? super C> onChange;

  /**
   * Creates the book.
   *
   * @param kind the kind of case
   * @param clock the clock
   * @param zone the platform's zone for dates
   * @param workingDays the working-day calendar
   * @param timeLimit the answer period in working days
   * @param onChange called after each state change (outside the case's monitor)
   */
  CaseBook(
      Kind kind,
      Clock clock,
      ZoneId zone,
      WorkingDays workingDays,
      int timeLimit,
      Consumer<? super C> onChange) {
    this.kind = kind;
    this.clock = clock;
    this.zone = zone;
    this.workingDays = workingDays;
    this.timeLimit = timeLimit;
    this.onChange = onChange;
  }

  /**
   * Adds a case: reads the clock, then under the book's monitor runs {@code refuse} on every case (in id
   * order), draws the next number, forms the id and due date and stores what {@code factory} makes.
   *
   * @param refuse a check on each existing case that throws {@link ApiException} to refuse the new one
   * @param ids the id scheme
   * @param factory makes the case
   * @return the case
   */
  C add(Consumer<? super C> refuse, IdScheme ids, Factory<C> factory) {
    Instant now = clock.instant();
    synchronized (this) {
      cases.values().forEach(refuse);
      LocalDate today = LocalDate.ofInstant(now, zone);
      String id = ids.id(today, seq.incrementAndGet());
      C c = factory.make(id, now, workingDays.add(today, timeLimit), timeLimit);
      cases.put(id, c);
      return c;
    }
  }

  /**
   * A case visible to {@code party}.
   *
   * @param id the id
   * @param party the caller, or null for the sandbox itself
   * @return the case
   * @throws ApiException the kind's not-found code, or {@code GDX-3216} for a caller who is neither party
   */
  C find(String id, @Nullable PartyId party) {
    C c = cases.get(id);
    if (c == null) {
      throw new ApiException(kind.notFound(), "no " + kind.noun() + " " + id);
    }
    if (party != null && !c.initiator.equals(party) && !c.provider.equals(party)) {
      throw new ApiException(
          WireCode.NOT_A_PARTICIPANT, "the caller is not a party to " + kind.noun() + " " + id);
    }
    return c;
  }

  /**
   * Withdraws: initiator only; idempotent (and silent) on a withdrawn case.
   *
   * @param id the id
   * @param party the caller
   * @param reason the reason, or null
   * @return the case
   */
  C withdraw(String id, PartyId party, @Nullable String reason) {
    C c = find(id, party);
    if (!c.initiator.equals(party)) {
      throw new ApiException(
          WireCode.NOT_A_PARTICIPANT,
          "only the " + kind.initiatorRole() + " may withdraw " + kind.noun() + " " + id);
    }
    synchronized (c) {
      if ("withdrawn".equals(c.state)) {
        return c;
      }
      if (!"submitted".equals(c.state) && !"under_review".equals(c.state)) {
        throw new ApiException(
            WireCode.STATE_CONFLICT,
            kind.noun() + " " + id + " is " + c.state + " and cannot be withdrawn");
      }
      move(c, "withdrawn", party, reason);
      if (kind.withdrawalReasonIsOutcome() && reason != null) {
        c.outcome = reason;
      }
    }
    onChange.accept(c);
    return c;
  }

  /**
   * Decides: provider only. After the party checks, {@code rule} checks the state and reason; then
   * {@code under_review} is allowed from {@code submitted}, any other state from {@code submitted} or
   * {@code under_review}, and a final state records the reason as the outcome.
   *
   * @param id the id
   * @param party the deciding party (must be the provider), or null for the sandbox acting for the provider
   * @param state the target state
   * @param reason the reason, or null
   * @param rule the kind's check of the state and reason
   * @return the case
   */
  C decide(
      String id,
      @Nullable PartyId party,
      String state,
      @Nullable String reason,
      DecisionRule rule) {
    C c = find(id, party);
    if (party != null && !c.provider.equals(party)) {
      throw new ApiException(
          WireCode.NOT_A_PARTICIPANT, "only the provider may decide " + kind.noun() + " " + id);
    }
    rule.check(state, reason);
    synchronized (c) {
      boolean ok =
          "under_review".equals(state)
              ? "submitted".equals(c.state)
              : "submitted".equals(c.state) || "under_review".equals(c.state);
      if (!ok) {
        throw new ApiException(
            WireCode.STATE_CONFLICT,
            kind.noun() + " " + id + " is " + c.state + " and cannot become " + state);
      }
      move(c, state, party == null ? c.provider : party, reason);
      if (!"under_review".equals(state)) {
        c.outcome = reason;
      }
    }
    onChange.accept(c);
    return c;
  }

  /** Moves a case; the caller holds the case's monitor. */
  private void move(C c, String state, PartyId by, @Nullable String reason) {
    Instant now = clock.instant();
    c.state = state;
    c.updatedAt = now;
    c.history.add(state, now, by, reason);
  }

  /**
   * Lists cases by role and filters, ordered by id.
   *
   * @param party the caller
   * @param role {@code provider}, or anything else for the initiator
   * @param state a state filter, or null
   * @param resourceCode a resource filter, or null
   * @return the matching cases as JSON
   */
  List<ObjectNode> list(
      PartyId party, String role, @Nullable String state, @Nullable String resourceCode) {
    List<ObjectNode> out = new ArrayList<>();
    for (C c : cases.values()) {
      PartyId who = "provider".equals(role) ? c.provider : c.initiator;
      if (who.equals(party)
          && (state == null || state.equals(c.state()))
          && (resourceCode == null || resourceCode.equals(c.resourceCode))) {
        out.add(c.json());
      }
    }
    return out;
  }

  /**
   * A live, unmodifiable view of the cases in id order (weakly consistent while cases are added).
   *
   * @return the cases
   */
  Collection<C> cases() {
    return Collections.unmodifiableCollection(cases.values());
  }

  /**
   * Today in the platform's zone, by the clock.
   *
   * @return the date
   */
  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }
}
