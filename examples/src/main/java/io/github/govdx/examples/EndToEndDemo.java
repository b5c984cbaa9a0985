package io.github.govdx.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.application.Application;
import io.github.govdx.client.application.ApplicationRole;
import io.github.govdx.client.application.ApplicationState;
import io.github.govdx.client.application.ApplyRequest;
import io.github.govdx.client.application.DecideApplicationRequest;
import io.github.govdx.client.application.ListApplicationsRequest;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.catalog.ResourceSummary;
import io.github.govdx.client.catalog.SearchCatalogRequest;
import io.github.govdx.client.catalog.ShareType;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.QueryResult;
import io.github.govdx.client.data.RecordValidator;
import io.github.govdx.client.objection.DecideObjectionRequest;
import io.github.govdx.client.objection.Objection;
import io.github.govdx.client.objection.ObjectionCategory;
import io.github.govdx.client.objection.ObjectionState;
import io.github.govdx.client.objection.RaiseObjectionRequest;
import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.client.outbox.OutboxEntry;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.client.provider.AccessPolicy;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.QueryAnswer;
import io.github.govdx.client.subscription.Event;
import io.github.govdx.client.subscription.EventFeedRequest;
import io.github.govdx.client.subscription.EventPage;
import io.github.govdx.client.subscription.SubscribeRequest;
import io.github.govdx.client.subscription.Subscription;
import io.github.govdx.core.ident.IdentifierType;
import io.github.govdx.store.jdbc.JdbcStores;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.Fault;
import io.github.govdx.testkit.ReviewMode;
import io.github.govdx.testkit.Route;
import io.github.govdx.testkit.SyntheticPeople;
import io.github.govdx.testkit.TestParty;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The end-to-end story of DESIGN §6 on an in-process sandbox, GM suite throughout: 市公安局 publishes its household
 * register, the 12345 hotline finds it in the catalog, applies and is approved, queries a caller by ID number,
 * pushes a batch of demand records, dispatches a work order to 市城市管理局 which answers it (接诉即办), raises a
 * data objection, and finally verifies its evidence log. Every record is validated against its resource schema;
 * personal data is masked in the transcript. Not thread-safe (one run at a time).
 */
public final class EndToEndDemo {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private EndToEndDemo() {}

  /**
   * Runs the story.
   *
   * @param t the transcript
   * @return whether every step succeeded
   */
  public static boolean run(Transcript t) {
    return run(t, p -> {});
  }

  /**
   * Runs the story and hands out the path of the hotline's evidence log.
   *
   * @param t the transcript
   * @param evidenceLog receives the evidence log's path
   * @return whether every step succeeded
   */
  public static boolean run(
      Transcript t, java.util.function.Consumer<java.nio.file.Path> evidenceLog) {
    t.step("Start the exchange sandbox (in-process, GM suite, throwaway SM2 test CA)");
    try (ExchangeSandbox sandbox =
            ExchangeSandbox.builder()
                .emptySeed()
                .party("police", DemoCatalog.POLICE, "某市公安局")
                .party("hotline", DemoCatalog.HOTLINE, "某市12345政务服务便民热线")
                .party("citymgmt", DemoCatalog.CITY_MANAGEMENT, "某市城市管理局")
                .party("bigdata", DemoCatalog.BIG_DATA, "某市大数据管理局")
                .resource(DemoCatalog.demands())
                .resource(DemoCatalog.workOrders())
                .resource(DemoCatalog.workOrderReplies())
                .reviewMode(ReviewMode.MANUAL)
                .start();
        Evidence evidence =
            new Evidence(sandbox.codecFor(sandbox.party("hotline")), sandbox.trustStore());
        ExchangeClient police = sandbox.client("police");
        ExchangeClient hotline =
            sandbox.clientBuilder("hotline").httpClient(evidence.httpClient()).build();
        ExchangeClient city = sandbox.client("citymgmt")) {
      t.info(
          "sandbox %s, test CA \"%s\"",
          sandbox.baseUri(), sandbox.pki().caCertificate().getSubjectX500Principal().getName());
      for (TestParty p : sandbox.parties()) {
        t.info(
            "party %-9s %-28s %s (SM2 certificate, gateway key %s)",
            p.alias(), p.partyId(), p.name(), p.gatewayKeyId());
      }
      evidenceLog.accept(evidence.file());
      story(t, sandbox, police, hotline, city, evidence);
    } catch (RuntimeException e) {
      t.check(false, "unexpected failure: " + e.getMessage());
    }
    return t.finish();
  }

  private static void story(
      Transcript t,
      ExchangeSandbox sandbox,
      ExchangeClient police,
      ExchangeClient hotline,
      ExchangeClient city,
      Evidence evidence) {
    Story s = new Story(t, sandbox, police, hotline, city, evidence);
    s.publish();
    s.find();
    s.applyAndApprove();
    s.queryByIdNumber();
    s.pushBatch();
    s.dispatchWorkOrder();
    s.raiseObjection();
    s.verifyEvidence();
  }

  /** The demo's chapters, in order, and what one chapter hands to the next. */
  private static final class Story {
    private final Transcript t;
    private final ExchangeSandbox sandbox;
    private final ExchangeClient police;
    private final ExchangeClient hotline;
    private final ExchangeClient city;
    private final Evidence evidence;
    private List<SyntheticPeople.Person> register = List.of();
    private @org.jspecify.annotations.Nullable QueryResult<JsonNode> result;
    private List<ObjectNode> demands = List.of();

    Story(
        Transcript t,
        ExchangeSandbox sandbox,
        ExchangeClient police,
        ExchangeClient hotline,
        ExchangeClient city,
        Evidence evidence) {
      this.t = t;
      this.sandbox = sandbox;
      this.police = police;
      this.hotline = hotline;
      this.city = city;
      this.evidence = evidence;
    }

    /** 1. The provider department publishes its resource and connects its endpoint. */
    void publish() {
      t.step(
          "市公安局 publishes 户籍人口基本信息 ("
              + DemoCatalog.PEOPLE
              + ") and connects its provider endpoint");
      register = SyntheticPeople.generate(20261124L, 50);
      sandbox.publish(DemoCatalog.people());
      ResourceDetail people = police.catalog().detail(DemoCatalog.PEOPLE);
      ProviderEndpoint policeEndpoint =
          ProviderEndpoint.builder()
              .party(DemoCatalog.POLICE)
              .credentials(sandbox.party("police").credentials())
              .trustStore(sandbox.trustStore())
              .directory(sandbox.directory())
              .accessPolicy(
                  AccessPolicy.allowList(Map.of(DemoCatalog.PEOPLE, Set.of(DemoCatalog.HOTLINE))))
              .query(
                  people,
                  q ->
                      QueryAnswer.builder()
                          .records(lookup(register, q.filter(), q.items()))
                          .build())
              .build();
      sandbox.registerProvider(DemoCatalog.POLICE, ExchangeSandbox.provider(policeEndpoint));
      t.info(
          "%s: %s, share type %s, %d items, schema %s",
          people.resourceCode(),
          people.summary().name(),
          people.summary().shareType().wireName(),
          people.items().size(),
          people.schema().isPresent() ? "attached" : "none");
      t.info(
          "register: %d synthetic residents (valid GB 11643 numbers, no real person)",
          register.size());
      t.check(people.provider().equals(DemoCatalog.POLICE), "the catalog names 市公安局 as provider");
    }

    /** 2. The consumer finds it. */
    void find() {
      t.step("12345 hotline searches the catalog for 户籍 (conditional resources)");
      List<ResourceSummary> hits =
          hotline
              .catalog()
              .search(
                  SearchCatalogRequest.builder()
                      .query("户籍")
                      .shareType(ShareType.CONDITIONAL)
                      .build())
              .stream()
              .collect(Collectors.toList());
      for (ResourceSummary s : hits) {
        t.info(
            "found %s %s from %s",
            s.resourceCode(), s.name(), s.providerName().orElse(s.provider().toString()));
      }
      t.check(
          hits.stream().anyMatch(s -> s.resourceCode().equals(DemoCatalog.PEOPLE)),
          "户籍人口基本信息 is in the catalog");
    }

    /** 3. Apply and be approved. */
    void applyAndApprove() {
      t.step("12345 hotline applies for access; 市公安局 reviews and approves (数据共享申请)");
      Application app =
          hotline
              .applications()
              .apply(
                  ApplyRequest.builder()
                      .resourceCode(DemoCatalog.PEOPLE)
                      .purpose("12345热线工单办理中核验来电人身份")
                      .items(List.of("xm", "sfzh", "xb"))
                      .validUntil(LocalDate.now(ZONE).plusYears(1))
                      .idempotencyKey(UUID.randomUUID().toString())
                      .build());
      t.info(
          "application %s submitted, answer due %s (%d working days)",
          app.applicationId(), app.dueDate(), app.timeLimitWorkingDays());
      List<Application> pending =
          police
              .applications()
              .list(
                  ListApplicationsRequest.builder()
                      .role(ApplicationRole.PROVIDER)
                      .state(ApplicationState.SUBMITTED)
                      .build())
              .stream()
              .collect(Collectors.toList());
      t.info("市公安局 sees %d pending application(s)", pending.size());
      police
          .applications()
          .decide(
              DecideApplicationRequest.builder()
                  .applicationId(app.applicationId())
                  .state(ApplicationState.UNDER_REVIEW)
                  .build());
      police
          .applications()
          .decide(
              DecideApplicationRequest.builder()
                  .applicationId(app.applicationId())
                  .state(ApplicationState.APPROVED)
                  .reason("符合共享条件")
                  .build());
      Application approved = hotline.applications().status(app.applicationId());
      t.info(
          "history: %s",
          approved.history().stream()
              .map(h -> h.state().toString())
              .collect(Collectors.joining(" -> ")));
      t.check(approved.state() == ApplicationState.APPROVED, "application approved");
    }

    /** 4. Query a person by ID number. */
    void queryByIdNumber() {
      t.step(
          "12345 hotline verifies a caller: sealed query by ID number (SM2-SM3 signed, SM2/SM4-GCM encrypted)");
      SyntheticPeople.Person caller = register.get(7);
      result =
          hotline
              .data()
              .query(
                  QueryRequest.builder()
                      .resourceCode(DemoCatalog.PEOPLE)
                      .filter("sfzh", caller.idNumber())
                      .items(List.of("xm", "sfzh", "xb"))
                      .purpose("12345工单来电人身份核验")
                      .build());
      for (JsonNode r : result.records()) {
        t.info(
            "record: 姓名 %s, 公民身份号码 %s, 性别 %s",
            Transcript.name(r.path("xm").asText()),
            Transcript.id(r.path("sfzh").asText()),
            r.path("xb").asText());
      }
      t.info(
          "result message %s, digest SM3 %s…",
          result.messageId().orElse("?"),
          result.digest().map(d -> d.hex().substring(0, 16)).orElse("?"));
      t.check(
          result.records().size() == 1
              && result.records().get(0).path("sfzh").asText().equals(caller.idNumber()),
          "one record, validated against the resource schema, bound to this query");
      t.check(
          !result.records().get(0).has("hjdz"),
          "only the requested items (xm, sfzh, xb) were returned");
    }

    /** 5. Push a batch. */
    void pushBatch() {
      t.step(
          "12345 hotline pushes today's demand records to 市大数据管理局 (" + DemoCatalog.DEMANDS + ")");
      demands = demandRecords(register);
      ResourceDetail demandResource = hotline.catalog().detail(DemoCatalog.DEMANDS);
      long valid =
          demands.stream()
              .filter(d -> RecordValidator.govdx().validate(demandResource, d).isEmpty())
              .count();
      t.info(
          "validated %d of %d records against the schema of %s (data types, formats, GB/T 2260 codes, mobile "
              + "numbers)",
          valid, demands.size(), DemoCatalog.DEMANDS);
      t.check(valid == demands.size(), "every record is valid before it is sealed");
      String key = UUID.randomUUID().toString();
      PushRequest push =
          PushRequest.builder()
              .resourceCode(DemoCatalog.DEMANDS)
              .addRecords(demands)
              .idempotencyKey(key)
              .build();
      PushResult stored = hotline.data().push(push);
      for (ObjectNode d : demands) {
        t.info(
            "record %s %s %s, 诉求人 %s, 电话 %s",
            d.get("gdbh").asText(),
            d.get("sqqd").asText(),
            d.get("sqlx").asText(),
            Transcript.name(d.get("sqr").asText()),
            Transcript.phone(d.get("lxdh").asText()));
      }
      t.info(
          "batch %s: %d records stored at %s",
          stored.batchId(), stored.recordCount(), stored.storedAt());
      stored
          .receipt()
          .ifPresent(
              rc ->
                  t.info(
                      "receipt (gdx-receipt, %s): %s signed at %s that it received message %s "
                          + "from %s, %s %s…",
                      rc.suite(),
                      rc.receiver(),
                      rc.issuedAt(),
                      rc.messageId(),
                      rc.sender(),
                      stored.digest().algorithm(),
                      rc.envelopeDigest().substring(0, 16)));
      t.check(
          stored
              .receipt()
              .map(
                  rc ->
                      rc.messageId().equals(stored.messageId())
                          && rc.envelopeDigest().equals(stored.digest().hex())
                          && rc.receiver().equals(DemoCatalog.BIG_DATA))
              .orElse(false),
          "signed receipt verified: by the receiver, over this message id and the SM3 digest of the bytes sent");
      PushResult again = hotline.data().push(push);
      t.info(
          "the same push again (same Idempotency-Key): batch %s, replayed=%s",
          again.batchId(), again.replayed());
      t.check(
          again.batchId().equals(stored.batchId())
              && sandbox.batches(DemoCatalog.DEMANDS).size() == 1,
          "stored exactly once");
      outbox(t, sandbox, hotline, demands.get(0));
      sealedFile(t, sandbox, hotline, city);
    }

    /** 6. 接诉即办: dispatch a work order and answer it. */
    void dispatchWorkOrder() {
      t.step(
          "接诉即办: the hotline dispatches a work order ("
              + DemoCatalog.WORK_ORDERS
              + ") to 市城市管理局, which "
              + "answers ("
              + DemoCatalog.WORK_ORDER_REPLIES
              + ") within the time limit");
      List<JsonNode> inbox = new CopyOnWriteArrayList<>();
      List<JsonNode> answers = new CopyOnWriteArrayList<>();
      Map<String, String> batches = new ConcurrentHashMap<>();
      ResourceDetail orders = city.catalog().detail(DemoCatalog.WORK_ORDERS);
      sandbox.registerProvider(
          DemoCatalog.CITY_MANAGEMENT,
          ExchangeSandbox.provider(
              ProviderEndpoint.builder()
                  .party(DemoCatalog.CITY_MANAGEMENT)
                  .credentials(sandbox.party("citymgmt").credentials())
                  .trustStore(sandbox.trustStore())
                  .directory(sandbox.directory())
                  .push(
                      orders,
                      p -> {
                        inbox.addAll(p.records());
                        String id = "wo-" + (inbox.size());
                        batches.put(id, p.messageId());
                        return id;
                      })
                  .build()));
      ResourceDetail replies = hotline.catalog().detail(DemoCatalog.WORK_ORDER_REPLIES);
      sandbox.registerProvider(
          DemoCatalog.HOTLINE,
          ExchangeSandbox.provider(
              ProviderEndpoint.builder()
                  .party(DemoCatalog.HOTLINE)
                  .credentials(sandbox.party("hotline").credentials())
                  .trustStore(sandbox.trustStore())
                  .directory(sandbox.directory())
                  .push(
                      replies,
                      p -> {
                        answers.addAll(p.records());
                        return "reply-" + answers.size();
                      })
                  .build()));
      Subscription sub =
          hotline
              .subscriptions()
              .subscribe(
                  SubscribeRequest.builder()
                      .resourceCode(DemoCatalog.WORK_ORDER_REPLIES)
                      .eventTypes(List.of("data.updated"))
                      .build());
      Instant dispatched = Instant.now();
      ObjectNode order = workOrder(demands.get(0), dispatched);
      PushResult sent =
          hotline
              .data()
              .push(
                  PushRequest.builder()
                      .resourceCode(DemoCatalog.WORK_ORDERS)
                      .addRecord(order)
                      .idempotencyKey(UUID.randomUUID().toString())
                      .build());
      t.info(
          "dispatched %s (%s) to 市城市管理局, time limit %s; batch %s",
          order.get("gdbh").asText(),
          order.get("sqlx").asText(),
          order.get("blsx").asText(),
          sent.batchId());
      t.check(inbox.size() == 1, "市城市管理局's endpoint received the work order");
      JsonNode received = inbox.get(0);
      ObjectNode reply = JSON.createObjectNode();
      reply.put("gdbh", received.get("gdbh").asText());
      reply.put("cbdw", DemoCatalog.CITY_MANAGEMENT.creditCode());
      reply.put("blzt", "已办结");
      reply.put("bljg", "已安排维修人员更换路灯，经回访诉求人满意");
      reply.put(
          "bjsj",
          DateTimeFormatter.ISO_INSTANT.format(
              Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
      PushResult answered =
          city.data()
              .push(
                  PushRequest.builder()
                      .resourceCode(DemoCatalog.WORK_ORDER_REPLIES)
                      .addRecord(reply)
                      .idempotencyKey(UUID.randomUUID().toString())
                      .build());
      t.info(
          "市城市管理局 answered %s: %s (batch %s)",
          reply.get("gdbh").asText(), reply.get("blzt").asText(), answered.batchId());
      EventPage events =
          hotline
              .subscriptions()
              .events(
                  EventFeedRequest.builder()
                      .subscriptionId(sub.subscriptionId())
                      .waitFor(Duration.ofSeconds(5))
                      .build());
      for (Event e : events.events()) {
        t.info("event %s %s on %s", e.eventId(), e.type(), e.resourceCode());
      }
      hotline.subscriptions().acknowledge(sub.subscriptionId(), events.nextCursor());
      t.info(
          "closed loop in %d ms (受理 → 派单 → 办理 → 答复)",
          Duration.between(dispatched, Instant.now()).toMillis());
      t.check(
          answers.size() == 1
              && answers.get(0).get("gdbh").asText().equals(order.get("gdbh").asText()),
          "the hotline received the answer to its work order");
      t.check(
          !events.events().isEmpty(), "the hotline's event feed reported the answer (long poll)");
    }

    /** 7. A data objection. */
    void raiseObjection() {
      t.step("12345 hotline raises a data objection (数据异议) on the query result; 市公安局 resolves it");
      Objection objection =
          hotline
              .objections()
              .raise(
                  RaiseObjectionRequest.builder()
                      .resourceCode(DemoCatalog.PEOPLE)
                      .messageId(result.messageId().orElseThrow())
                      .digest(result.digest().orElseThrow())
                      .pointers(List.of("/records/0/xb"))
                      .category(ObjectionCategory.INACCURATE)
                      .description("来电人自述性别与户籍登记不一致，请核实")
                      .idempotencyKey(UUID.randomUUID().toString())
                      .build());
      t.info(
          "objection %s cites message %s, due %s",
          objection.objectionId(), objection.messageId(), objection.dueDate());
      police
          .objections()
          .decide(
              DecideObjectionRequest.builder()
                  .objectionId(objection.objectionId())
                  .state(ObjectionState.UNDER_REVIEW)
                  .build());
      Objection resolved =
          police
              .objections()
              .decide(
                  DecideObjectionRequest.builder()
                      .objectionId(objection.objectionId())
                      .state(ObjectionState.RESOLVED)
                      .reason("经核实户籍登记无误，已答复")
                      .build());
      t.info("resolution: %s", resolved.resolution().orElse(""));
      t.check(
          hotline.objections().get(objection.objectionId()).state() == ObjectionState.RESOLVED,
          "objection resolved");
    }

    /** 8. Evidence. */
    void verifyEvidence() {
      t.step(
          "Verify the hotline's evidence log (SM3 hash chain over every sealed message, answer and receipt)");
      evidence.verify(t);
    }
  }

  private static List<JsonNode> lookup(
      List<SyntheticPeople.Person> register, JsonNode filter, List<String> items) {
    List<JsonNode> out = new ArrayList<>();
    String id = filter.path("sfzh").asText(null);
    for (SyntheticPeople.Person p : register) {
      if (p.idNumber().equals(id)) {
        ObjectNode r = JSON.createObjectNode();
        r.put("xm", p.name());
        r.put("sfzh", p.idNumber());
        r.put("xb", p.sex());
        r.put("csrq", p.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE));
        r.put("hjdz", p.address());
        if (!items.isEmpty()) {
          r.retain(items);
        }
        out.add(r);
      }
    }
    return out;
  }

  /**
   * The durable outbox on the embedded default store (H2 in memory): a follow-up demand is submitted, the receiver
   * answers the first attempt with 503, the dispatcher retries and stores the verified receipt.
   */
  private static void outbox(
      Transcript t, ExchangeSandbox sandbox, ExchangeClient hotline, ObjectNode demand) {
    t.step("12345 hotline sends a follow-up through the durable outbox (发件箱) on embedded H2");
    org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL("jdbc:h2:mem:govdx-outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JdbcStores stores = JdbcStores.builder().dataSource(h2).build();
    stores.createTables();
    ObjectNode followUp = demand.deepCopy();
    followUp.put("gdbh", demand.get("gdbh").asText().substring(0, 10) + "99999");
    followUp.put("sqlx", "建议");
    followUp.put("sqnr", "路灯已修复，建议定期巡检");
    sandbox.inject(Route.DATA_PUSH, Fault.status(503).times(1));
    int before = sandbox.batches(DemoCatalog.DEMANDS).size();
    try (Outbox outbox =
        Outbox.builder()
            .client(hotline)
            .store(stores.outboxStore())
            .backoff(Duration.ofMillis(200), Duration.ofSeconds(2))
            .pollInterval(Duration.ofMillis(100))
            .build()) {
      String id =
          outbox.submit(
              PushRequest.builder()
                  .resourceCode(DemoCatalog.DEMANDS)
                  .addRecord(followUp)
                  .idempotencyKey(UUID.randomUUID().toString())
                  .build());
      t.info("submitted entry %s: sealed and stored in table gdx_outbox, returned at once", id);
      outbox.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      OutboxEntry e = outbox.get(id).orElseThrow();
      while (e.state() != OutboxState.DELIVERED && System.nanoTime() < deadline) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          break;
        }
        e = outbox.get(id).orElseThrow();
      }
      t.info(
          "entry %s: %s, message %s (outbox attempts that failed: %d, last error %s)",
          id, e.state(), e.messageId(), e.attempts(), e.lastErrorCode().orElse("none"));
      t.check(
          e.state() == OutboxState.DELIVERED
              && e.receipt().isPresent()
              && sandbox.batches(DemoCatalog.DEMANDS).size() == before + 1,
          "the receiver answered the first send with 503; the retry (same Idempotency-Key and message id)"
              + " got the signed receipt, verified and stored in the outbox; the batch was stored once");
    } finally {
      sandbox.clearFaults();
    }
  }

  /**
   * A file transfer (文件交换): the hotline sends a scanned case file to 市城市管理局 as a sealed stream in parts; the
   * bureau downloads, opens and verifies it, and its signed receipt comes back to the hotline.
   */
  private static void sealedFile(
      Transcript t, ExchangeSandbox sandbox, ExchangeClient hotline, ExchangeClient city) {
    t.step("12345 hotline sends a scanned case file to 市城市管理局 as a sealed file transfer (文件交换)");
    java.nio.file.Path dir = null;
    try {
      dir = java.nio.file.Files.createTempDirectory("govdx-demo-file-");
      java.nio.file.Path scan = dir.resolve("case-scan.pdf");
      byte[] block = new byte[64 * 1024];
      java.util.Random r = new java.util.Random(12345);
      try (java.io.OutputStream o = java.nio.file.Files.newOutputStream(scan)) {
        for (int i = 0; i < 48; i++) { // 3 MiB of stand-in scan
          r.nextBytes(block);
          o.write(block);
        }
      }
      io.github.govdx.client.transfer.TransferResult sent =
          hotline
              .transfers()
              .send(
                  io.github.govdx.client.transfer.SendFileRequest.builder()
                      .receiver(DemoCatalog.CITY_MANAGEMENT)
                      .resourceCode(DemoCatalog.WORK_ORDERS)
                      .source(scan)
                      .spoolDirectory(dir)
                      .partSize(1024 * 1024)
                      .build());
      t.info(
          "transfer %s: %d bytes sealed to %d (SM4-GCM chunks, SM2 signature over the SM3 of the file),"
              + " %d parts of 1 MiB",
          sent.transferId(), sent.plaintextLength(), sent.sealedLength(), sent.partCount());
      java.nio.file.Path received = dir.resolve("received-scan.pdf");
      io.github.govdx.client.transfer.ReceivedFile got =
          city.transfers().receive(sent.transferId(), received);
      boolean same =
          java.util.Arrays.equals(
              java.nio.file.Files.readAllBytes(scan), java.nio.file.Files.readAllBytes(received));
      t.info(
          "市城市管理局 downloaded, opened and verified %d bytes from %s; SM3 %s",
          got.length(), got.sender(), got.digest().substring(0, 16) + "…");
      io.github.govdx.crypto.evidence.Receipt receipt = hotline.transfers().verifyReceipt(sent);
      t.check(
          same && receipt.receiver().equals(DemoCatalog.CITY_MANAGEMENT),
          "the file arrived identical, and the bureau's signed receipt over the sealed bytes verifies");
    } catch (java.io.IOException | RuntimeException e) {
      t.check(false, "file transfer failed: " + e.getMessage());
    } finally {
      if (dir != null) {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
          for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
            java.nio.file.Files.deleteIfExists(f);
          }
          java.nio.file.Files.deleteIfExists(dir);
        } catch (java.io.IOException e) {
          t.info("could not remove %s", dir);
        }
      }
    }
  }

  private static List<ObjectNode> demandRecords(List<SyntheticPeople.Person> people) {
    String[][] rows = {
      {"电话", "投诉", "小区路灯不亮，夜间出行不便"},
      {"微信", "咨询", "咨询居住证办理所需材料"},
      {"网站", "建议", "建议在公交站增设遮阳棚"},
    };
    List<ObjectNode> out = new ArrayList<>();
    String day = LocalDate.now(ZONE).format(DateTimeFormatter.BASIC_ISO_DATE);
    for (int i = 0; i < rows.length; i++) {
      SyntheticPeople.Person p = people.get(10 + i);
      ObjectNode r = JSON.createObjectNode();
      r.put("gdbh", "GD" + day + String.format("%05d", 17 + i));
      r.put("sqqd", rows[i][0]);
      r.put("sqlx", rows[i][1]);
      r.put("sqr", p.name());
      r.put("lxdh", p.mobile());
      r.put("sqnr", rows[i][2]);
      r.put("xzqh", p.idNumber().substring(0, 6));
      r.put(
          "slsj",
          DateTimeFormatter.ISO_INSTANT.format(
              Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
      if (!IdentifierType.MOBILE_PHONE.check(p.mobile()).isValid()) {
        throw new IllegalStateException("synthetic phone failed the identifier check");
      }
      out.add(r);
    }
    return out;
  }

  private static ObjectNode workOrder(ObjectNode demand, Instant dispatched) {
    ObjectNode o = JSON.createObjectNode();
    o.put("gdbh", demand.get("gdbh").asText());
    o.put("sqlx", demand.get("sqlx").asText());
    o.put("sqnr", demand.get("sqnr").asText());
    o.put("sfdz", "江苏省苏州市竹园路88号附近");
    o.put("xzqh", demand.get("xzqh").asText());
    o.put("lxdh", demand.get("lxdh").asText());
    o.put(
        "pdsj",
        DateTimeFormatter.ISO_INSTANT.format(
            dispatched.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    o.put("blsx", LocalDate.ofInstant(dispatched, ZONE).plusDays(3).toString());
    return o;
  }
}
