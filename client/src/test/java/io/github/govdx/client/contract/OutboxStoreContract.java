package io.github.govdx.client.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.client.outbox.OutboxEntry;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.client.outbox.OutboxStats;
import io.github.govdx.client.outbox.OutboxStore;
import io.github.govdx.core.party.PartyId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link OutboxStore} passes ({@link OutboxStore}'s atomicity contract): extend it and return
 * instances on the store under test. Every {@link #newStore()} call within one test returns an instance on the
 * SAME backing store, as several sender instances would share it; each test starts from an empty store.
 */
public abstract class OutboxStoreContract {

  private static final PartyId RECEIVER = PartyId.parse("11320500014160478L/hotline");
  private static final PartyId OTHER = PartyId.parse("91350100M000100Y43");

  /** The instant the tests start at. */
  protected final Instant t0 = Instant.parse("2026-12-01T08:00:00Z");

  /**
   * Returns a store on the backing store under test (empty at the first call of each test).
   *
   * @return the store
   */
  protected abstract OutboxStore newStore();

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }

  private static String hex() {
    StringBuilder b = new StringBuilder();
    for (byte x : bytes(32)) {
      b.append(String.format("%02x", x));
    }
    return b.toString();
  }

  private OutboxEntry entry(PartyId receiver, String resource, String orderKey, Instant created) {
    return OutboxEntry.builder()
        .id(UUID.randomUUID().toString())
        .receiver(receiver)
        .resourceCode(resource)
        .idempotencyKey("key-" + UUID.randomUUID())
        .messageId(UUID.randomUUID().toString())
        .recordCount(3)
        .envelope(bytes(1500))
        .addSentDigests(hex())
        .ownCopy(bytes(1700))
        .orderKey(orderKey)
        .state(OutboxState.PENDING)
        .createdAt(created)
        .nextAttemptAt(created)
        .build();
  }

  private OutboxEntry entry() {
    return entry(RECEIVER, "335001001/00012", null, t0);
  }

  private List<String> ids(List<OutboxEntry> entries) {
    List<String> out = new ArrayList<>();
    entries.forEach(e -> out.add(e.id()));
    return out;
  }

  @Test
  void add_storesEverythingExactly_andRefusesTheSameIdTwice() {
    OutboxStore s = newStore();
    OutboxEntry e = entry(RECEIVER, "335001001/00012", "k 1", t0);
    s.add(e);
    OutboxEntry read = newStore().find(e.id()).orElseThrow();
    assertThat(read.sequence()).isPositive();
    assertThat(read.state()).isEqualTo(OutboxState.PENDING);
    assertThat(read.envelope()).isEqualTo(e.envelope());
    assertThat(read.ownCopy()).isEqualTo(e.ownCopy());
    assertThat(read.receiver()).isEqualTo(RECEIVER);
    assertThat(read.resourceCode()).isEqualTo(e.resourceCode());
    assertThat(read.idempotencyKey()).isEqualTo(e.idempotencyKey());
    assertThat(read.messageId()).isEqualTo(e.messageId());
    assertThat(read.recordCount()).isEqualTo(3);
    assertThat(read.orderKey()).contains("k 1");
    assertThat(read.createdAt()).isEqualTo(t0);
    assertThat(read.attempts()).isZero();
    assertThat(read.leaseOwner()).isEmpty();
    assertThatThrownBy(() -> newStore().add(e)).isInstanceOf(IllegalArgumentException.class);
    assertThat(s.find(UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  void claim_handsOutDueEntriesInOrder_once_whileTheLeaseRuns() {
    OutboxStore s = newStore();
    List<String> added = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      OutboxEntry e = entry();
      s.add(e);
      added.add(e.id());
    }
    OutboxEntry later = entry().toBuilder().nextAttemptAt(t0.plusSeconds(60)).build();
    s.add(later);
    Instant lease = t0.plusSeconds(120);
    List<OutboxEntry> first = s.claim("a", t0, lease, 3);
    assertThat(ids(first)).containsExactlyElementsOf(added.subList(0, 3));
    assertThat(first)
        .allSatisfy(
            e -> {
              assertThat(e.state()).isEqualTo(OutboxState.IN_FLIGHT);
              assertThat(e.leaseOwner()).contains("a");
              assertThat(e.leaseUntil()).contains(lease);
            });
    List<OutboxEntry> second = newStore().claim("b", t0, lease, 10);
    assertThat(ids(second)).containsExactlyElementsOf(added.subList(3, 5));
    assertThat(newStore().claim("c", t0.plusSeconds(59), lease, 10)).isEmpty();
    assertThat(ids(newStore().claim("c", t0.plusSeconds(60), lease, 10)))
        .containsExactly(later.id());
  }

  @Test
  void claim_racedByManyInstances_eachEntryToExactlyOne() throws Exception {
    OutboxStore s = newStore();
    Set<String> added = new HashSet<>();
    for (int i = 0; i < 120; i++) {
      OutboxEntry e = entry();
      s.add(e);
      added.add(e.id());
    }
    List<List<String>> got =
        Race.run(
            8,
            i -> {
              OutboxStore mine = newStore();
              return () -> {
                List<String> claimed = new ArrayList<>();
                List<OutboxEntry> page;
                do {
                  page = mine.claim("racer-" + i, t0, t0.plusSeconds(120), 7);
                  claimed.addAll(ids(page));
                } while (!page.isEmpty());
                return claimed;
              };
            });
    List<String> all = new ArrayList<>();
    got.forEach(all::addAll);
    assertThat(all).doesNotHaveDuplicates();
    assertThat(new HashSet<>(all)).isEqualTo(added);
  }

  @Test
  void expiredLease_isTakenOver_andTheOldOwnerChangesNothingButDelivered() {
    OutboxStore s = newStore();
    OutboxEntry e = entry();
    s.add(e);
    assertThat(s.claim("dead-instance", t0, t0.plusSeconds(30), 10)).hasSize(1);
    assertThat(newStore().claim("b", t0.plusSeconds(29), t0.plusSeconds(90), 10)).isEmpty();
    List<OutboxEntry> taken = newStore().claim("b", t0.plusSeconds(30), t0.plusSeconds(90), 10);
    assertThat(ids(taken)).containsExactly(e.id());
    assertThat(taken.get(0).leaseOwner()).contains("b");
    assertThat(s.reschedule(e.id(), "dead-instance", t0.plusSeconds(40), "GDX-3401", "x"))
        .isFalse();
    assertThat(s.dead(e.id(), "dead-instance", t0.plusSeconds(40), "GDX-3304", "x")).isFalse();
    assertThat(s.find(e.id()).orElseThrow().state()).isEqualTo(OutboxState.IN_FLIGHT);
    assertThat(s.delivered(e.id(), t0.plusSeconds(41), "{\"receipt\":1}")).isTrue();
    assertThat(newStore().delivered(e.id(), t0.plusSeconds(42), "{\"receipt\":2}")).isFalse();
    OutboxEntry done = s.find(e.id()).orElseThrow();
    assertThat(done.state()).isEqualTo(OutboxState.DELIVERED);
    assertThat(done.receipt()).contains("{\"receipt\":1}");
    assertThat(done.deliveredAt()).contains(t0.plusSeconds(41));
    assertThat(newStore().claim("c", t0.plusSeconds(500), t0.plusSeconds(600), 10)).isEmpty();
  }

  @Test
  void deliveredAll_recordsEveryReceiptAtOnce_andLeavesADeliveredEntryAsItWas() {
    OutboxStore s = newStore();
    List<OutboxEntry> added = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      OutboxEntry e = entry();
      s.add(e);
      added.add(e);
    }
    List<OutboxEntry> claimed = s.claim("a", t0, t0.plusSeconds(120), 5);
    assertThat(claimed).hasSize(5);
    assertThat(s.delivered(added.get(0).id(), t0.plusSeconds(1), "{\"first\":true}")).isTrue();
    s.deliveredAll(List.of());
    List<OutboxStore.Receipted> receipts = new ArrayList<>();
    for (OutboxEntry e : added) {
      receipts.add(
          new OutboxStore.Receipted(e.id(), t0.plusSeconds(7), "{\"r\":\"" + e.id() + "\"}"));
    }
    newStore().deliveredAll(receipts);
    OutboxEntry first = s.find(added.get(0).id()).orElseThrow();
    assertThat(first.receipt()).contains("{\"first\":true}");
    assertThat(first.deliveredAt()).contains(t0.plusSeconds(1));
    for (OutboxEntry e : added.subList(1, 5)) {
      OutboxEntry read = newStore().find(e.id()).orElseThrow();
      assertThat(read.state()).isEqualTo(OutboxState.DELIVERED);
      assertThat(read.receipt()).contains("{\"r\":\"" + e.id() + "\"}");
      assertThat(read.deliveredAt()).contains(t0.plusSeconds(7));
      assertThat(read.leaseOwner()).isEmpty();
    }
    assertThat(newStore().stats().count(OutboxState.DELIVERED)).isEqualTo(5);
    assertThat(newStore().stats().count(OutboxState.IN_FLIGHT)).isZero();
  }

  @Test
  void resealed_replacesTheEnvelope_appendsItsDigest_onlyForTheLeaseHolder() {
    OutboxStore s = newStore();
    OutboxEntry e = entry();
    s.add(e);
    assertThat(s.find(e.id()).orElseThrow().sentDigests()).isEqualTo(e.sentDigests());
    byte[] fresh = bytes(1600);
    String d1 = hex();
    assertThat(s.resealed(e.id(), "a", fresh, d1)).isFalse();
    s.claim("a", t0, t0.plusSeconds(120), 1);
    assertThat(newStore().resealed(e.id(), "b", fresh, d1)).isFalse();
    assertThat(newStore().resealed(e.id(), "a", fresh, d1)).isTrue();
    String d2 = hex();
    byte[] fresher = bytes(1601);
    assertThat(s.resealed(e.id(), "a", fresher, d2)).isTrue();
    OutboxEntry r = s.find(e.id()).orElseThrow();
    assertThat(r.envelope()).isEqualTo(fresher);
    assertThat(r.ownCopy()).isEqualTo(e.ownCopy());
    assertThat(r.sentDigests()).containsExactly(e.sentDigests().get(0), d1, d2);
    assertThat(r.state()).isEqualTo(OutboxState.IN_FLIGHT);
  }

  @Test
  void reschedule_dead_retry_moveTheEntryAsDocumented() {
    OutboxStore s = newStore();
    OutboxEntry e = entry();
    s.add(e);
    s.claim("a", t0, t0.plusSeconds(120), 1);
    String message = "对方平台暂时不可用 (503)";
    assertThat(s.reschedule(e.id(), "a", t0.plusSeconds(5), "GDX-3203", message)).isTrue();
    OutboxEntry r = s.find(e.id()).orElseThrow();
    assertThat(r.state()).isEqualTo(OutboxState.PENDING);
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(r.nextAttemptAt()).isEqualTo(t0.plusSeconds(5));
    assertThat(r.lastErrorCode()).contains("GDX-3203");
    assertThat(r.lastError()).contains(message);
    assertThat(r.leaseOwner()).isEmpty();
    assertThat(s.claim("a", t0.plusSeconds(4), t0.plusSeconds(120), 1)).isEmpty();
    assertThat(s.claim("a", t0.plusSeconds(5), t0.plusSeconds(120), 1)).hasSize(1);
    assertThat(s.retry(e.id(), t0.plusSeconds(6))).isFalse();
    assertThat(s.dead(e.id(), "a", t0.plusSeconds(6), "GDX-3301", "access denied")).isTrue();
    OutboxEntry d = s.find(e.id()).orElseThrow();
    assertThat(d.state()).isEqualTo(OutboxState.DEAD);
    assertThat(d.attempts()).isEqualTo(2);
    assertThat(d.lastErrorCode()).contains("GDX-3301");
    assertThat(s.claim("a", t0.plusSeconds(9999), t0.plusSeconds(99999), 10)).isEmpty();
    assertThat(newStore().retry(e.id(), t0.plusSeconds(7))).isTrue();
    OutboxEntry back = s.find(e.id()).orElseThrow();
    assertThat(back.state()).isEqualTo(OutboxState.PENDING);
    assertThat(back.attempts()).isZero();
    assertThat(back.nextAttemptAt()).isEqualTo(t0.plusSeconds(7));
    assertThat(s.retry(UUID.randomUUID().toString(), t0)).isFalse();
  }

  @Test
  void orderKey_oneAtATimePerKey_deadDoesNotBlock_otherKeysFlow() {
    OutboxStore s = newStore();
    String k1 = RECEIVER + " 335001001/00012";
    String k2 = OTHER + " 335001001/00012";
    OutboxEntry a1 = entry(RECEIVER, "335001001/00012", k1, t0);
    OutboxEntry b1 = entry(OTHER, "335001001/00012", k2, t0);
    OutboxEntry a2 = entry(RECEIVER, "335001001/00012", k1, t0);
    OutboxEntry a3 = entry(RECEIVER, "335001001/00012", k1, t0);
    OutboxEntry free = entry();
    for (OutboxEntry e : List.of(a1, b1, a2, a3, free)) {
      s.add(e);
    }
    Instant lease = t0.plusSeconds(120);
    assertThat(ids(s.claim("a", t0, lease, 10))).containsExactly(a1.id(), b1.id(), free.id());
    assertThat(newStore().claim("b", t0, lease, 10)).isEmpty();
    // a retryable failure keeps its place: a2 still waits behind a1
    assertThat(s.reschedule(a1.id(), "a", t0.plusSeconds(10), "GDX-3401", "reset")).isTrue();
    assertThat(newStore().claim("b", t0, lease, 10)).isEmpty();
    assertThat(ids(newStore().claim("b", t0.plusSeconds(10), lease, 10))).containsExactly(a1.id());
    assertThat(s.delivered(a1.id(), t0.plusSeconds(11), "{}")).isTrue();
    assertThat(ids(newStore().claim("b", t0.plusSeconds(11), lease, 10))).containsExactly(a2.id());
    assertThat(s.dead(a2.id(), "b", t0.plusSeconds(12), "GDX-3303", "records invalid")).isTrue();
    assertThat(ids(newStore().claim("b", t0.plusSeconds(12), lease, 10))).containsExactly(a3.id());
  }

  @Test
  void stats_list_purge() {
    OutboxStore s = newStore();
    OutboxStats empty = s.stats();
    for (OutboxState st : OutboxState.values()) {
      assertThat(empty.count(st)).isZero();
    }
    assertThat(empty.oldestUndelivered()).isEmpty();
    List<OutboxEntry> added = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      OutboxEntry e = entry(RECEIVER, "335001001/00012", null, t0.plusSeconds(i));
      s.add(e);
      added.add(e);
    }
    List<OutboxEntry> claimed = s.claim("a", t0.plusSeconds(10), t0.plusSeconds(100), 4);
    s.delivered(claimed.get(0).id(), t0.plusSeconds(20), "{}");
    s.delivered(claimed.get(1).id(), t0.plusSeconds(30), "{}");
    s.dead(claimed.get(2).id(), "a", t0.plusSeconds(30), "GDX-3301", "denied");
    OutboxStats st = newStore().stats();
    assertThat(st.count(OutboxState.DELIVERED)).isEqualTo(2);
    assertThat(st.count(OutboxState.DEAD)).isEqualTo(1);
    assertThat(st.count(OutboxState.IN_FLIGHT)).isEqualTo(1);
    assertThat(st.count(OutboxState.PENDING)).isEqualTo(3);
    assertThat(st.oldestUndelivered()).contains(t0.plusSeconds(3));

    List<OutboxEntry> p1 = s.list(OutboxState.PENDING, 0, 2);
    assertThat(ids(p1)).containsExactly(added.get(4).id(), added.get(5).id());
    List<OutboxEntry> p2 = s.list(OutboxState.PENDING, p1.get(1).sequence(), 2);
    assertThat(ids(p2)).containsExactly(added.get(6).id());
    assertThat(ids(s.list(OutboxState.DEAD, 0, 10))).containsExactly(added.get(2).id());
    // by age: pending entries submitted before t0+6 (so not the last one)
    assertThat(ids(newStore().list(OutboxState.PENDING, t0.plusSeconds(6), 0, 10)))
        .containsExactly(added.get(4).id(), added.get(5).id());
    assertThat(s.list(OutboxState.PENDING, t0, 0, 10)).isEmpty();

    assertThat(s.purgeDelivered(t0.plusSeconds(25), 10)).isEqualTo(1);
    assertThat(s.find(added.get(0).id())).isEmpty();
    assertThat(s.purgeDelivered(t0.plusSeconds(999), 10)).isEqualTo(1);
    assertThat(s.purgeDelivered(t0.plusSeconds(999), 10)).isZero();
    assertThat(s.find(added.get(2).id())).isPresent();
    assertThatThrownBy(() -> s.list(OutboxState.PENDING, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void purge_isBounded() {
    OutboxStore s = newStore();
    for (int i = 0; i < 12; i++) {
      s.add(entry());
    }
    for (OutboxEntry e : s.claim("a", t0, t0.plus(Duration.ofMinutes(2)), 100)) {
      s.delivered(e.id(), t0, "{}");
    }
    assertThat(s.purgeDelivered(t0.plusSeconds(1), 5)).isEqualTo(5);
    assertThat(s.purgeDelivered(t0.plusSeconds(1), 5)).isEqualTo(5);
    assertThat(s.purgeDelivered(t0.plusSeconds(1), 5)).isEqualTo(2);
    assertThat(s.stats().count(OutboxState.DELIVERED)).isZero();
  }
}
