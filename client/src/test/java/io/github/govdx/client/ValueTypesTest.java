package io.github.govdx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.client.application.Application;
import io.github.govdx.client.application.ApplicationState;
import io.github.govdx.client.application.ApplyRequest;
import io.github.govdx.client.application.DecideApplicationRequest;
import io.github.govdx.client.application.ListApplicationsRequest;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.catalog.ResourceItem;
import io.github.govdx.client.catalog.ResourceSummary;
import io.github.govdx.client.catalog.SearchCatalogRequest;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.directory.PartyCertificate;
import io.github.govdx.client.directory.PartyInfo;
import io.github.govdx.client.objection.DecideObjectionRequest;
import io.github.govdx.client.objection.ListObjectionsRequest;
import io.github.govdx.client.objection.Objection;
import io.github.govdx.client.objection.ObjectionState;
import io.github.govdx.client.objection.RaiseObjectionRequest;
import io.github.govdx.client.subscription.Event;
import io.github.govdx.client.subscription.EventFeedRequest;
import io.github.govdx.client.subscription.EventPage;
import io.github.govdx.client.subscription.SubscribeRequest;
import io.github.govdx.client.subscription.Subscription;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import nl.jqno.equalsverifier.EqualsVerifier;
import nl.jqno.equalsverifier.Warning;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** equals/hashCode of every value type, and the builders' preconditions. */
class ValueTypesTest {

  static Stream<Class<?>> valueTypes() {
    return Stream.of(
        SearchCatalogRequest.class,
        ResourceSummary.class,
        ResourceItem.class,
        ResourceDetail.class,
        PartyCertificate.class,
        PartyInfo.class,
        ApplyRequest.class,
        Application.class,
        ListApplicationsRequest.class,
        DecideApplicationRequest.class,
        SubscribeRequest.class,
        Subscription.class,
        EventFeedRequest.class,
        Event.class,
        EventPage.class,
        RaiseObjectionRequest.class,
        Objection.class,
        ListObjectionsRequest.class,
        DecideObjectionRequest.class,
        PushResult.class,
        QueryRequest.class,
        PushRequest.class,
        StateChange.class,
        Page.class,
        io.github.govdx.client.transfer.DatasetPart.class,
        io.github.govdx.client.transfer.DatasetManifest.class,
        io.github.govdx.client.transfer.ExportDatasetRequest.class,
        io.github.govdx.client.transfer.ImportDatasetRequest.class,
        io.github.govdx.client.transfer.ExportedDataset.class,
        io.github.govdx.client.transfer.ImportedDataset.class,
        io.github.govdx.client.provider.ProviderFile.class);
  }

  private static X509Certificate cert1;
  private static X509Certificate cert2;
  private static io.github.govdx.crypto.evidence.Receipt receipt1;
  private static io.github.govdx.crypto.evidence.Receipt receipt2;

  @BeforeAll
  static void certificates() throws Exception {
    cert1 = TestCertificates.selfSigned("a");
    cert2 = TestCertificates.selfSigned("b");
    TestPki pki = new TestPki(io.github.govdx.crypto.Suite.INTL, Fixtures.HOTLINE, Fixtures.POLICE);
    io.github.govdx.crypto.EnvelopeCodec codec =
        io.github.govdx.crypto.EnvelopeCodec.builder()
            .credentials(pki.credentials(Fixtures.HOTLINE))
            .trustStore(pki.trust)
            .directory(pki.directory)
            .build();
    io.github.govdx.crypto.Envelope push =
        codec.seal(
            io.github.govdx.crypto.RoutingHeaders.builder()
                .messageId("m-1")
                .sender(Fixtures.HOTLINE)
                .receiver(Fixtures.POLICE)
                .resourceCode(Fixtures.RESOURCE)
                .action("push")
                .build(),
            "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    receipt1 =
        io.github.govdx.crypto.evidence.Receipt.issue(
            pki.credentials(Fixtures.POLICE),
            push,
            java.time.Instant.parse("2026-11-24T08:13:02Z"));
    receipt2 =
        io.github.govdx.crypto.evidence.Receipt.issue(
            pki.credentials(Fixtures.POLICE),
            push,
            java.time.Instant.parse("2026-11-24T08:13:03Z"));
  }

  @ParameterizedTest
  @MethodSource("valueTypes")
  void equalsAndHashCode_coverEveryField(Class<?> type) throws ClassNotFoundException {
    ObjectMapper m = new ObjectMapper();
    EqualsVerifier.forClass(implementation(type))
        .suppress(Warning.NULL_FIELDS, Warning.INHERITED_DIRECTLY_FROM_OBJECT)
        .withPrefabValues(
            JsonNode.class,
            m.createObjectNode().put("a", 1),
            m.createObjectNode().put("zz", "other"))
        .withPrefabValues(
            EnvelopeDigest.class,
            EnvelopeDigest.sm3(Fixtures.DIGEST_HEX),
            EnvelopeDigest.sha256(Fixtures.DIGEST_HEX))
        .withPrefabValues(X509Certificate.class, cert1, cert2)
        .withPrefabValues(
            java.nio.file.Path.class, java.nio.file.Path.of("a"), java.nio.file.Path.of("b"))
        .withPrefabValues(io.github.govdx.crypto.evidence.Receipt.class, receipt1, receipt2)
        .verify();
  }

  /**
   * The class that holds the state: a generated value type's package-private {@code ImmutableX}, else the type
   * itself.
   */
  private static Class<?> implementation(Class<?> type) throws ClassNotFoundException {
    if (!java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
      return type;
    }
    return Class.forName(type.getPackageName() + ".Immutable" + type.getSimpleName());
  }

  @Test
  void builders_nameTheMissingField() {
    assertThatThrownBy(() -> Application.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Application")
        .hasMessageContaining("applicationId");
    assertThatThrownBy(() -> Application.builder().applicationId("a-1").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("applicationId");
    assertThatThrownBy(() -> QueryRequest.builder().resourceCode("335001001/00012").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("filter");
    assertThatThrownBy(() -> PushRequest.builder().resourceCode("335001001/00012").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("records");
  }

  @Test
  void builders_rejectBadArguments() {
    assertThatThrownBy(() -> SearchCatalogRequest.builder().pageSize(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> QueryRequest.builder().resourceCode("a/b/c").filter("sfzh", "x").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PushRequest.builder().idempotencyKey("short"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PushRequest.builder().addRecord("not an object"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                EventFeedRequest.builder()
                    .subscriptionId("s-1")
                    .waitFor(Duration.ofSeconds(61))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                DecideApplicationRequest.builder()
                    .applicationId("a-1")
                    .state(ApplicationState.WITHDRAWN)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                DecideObjectionRequest.builder()
                    .objectionId("o-1")
                    .state(ObjectionState.SUBMITTED)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EnvelopeDigest("MD5", Fixtures.DIGEST_HEX))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EnvelopeDigest.sm3("abc"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requests_neverPrintRecordOrFilterValues() {
    QueryRequest q =
        QueryRequest.builder()
            .resourceCode("335001001/00012")
            .filter("sfzh", "11010519491231002X")
            .build();
    PushRequest p =
        PushRequest.builder()
            .resourceCode("335001001/00012")
            .addRecord(Map.of("sfzh", "11010519491231002X", "sjhm", "13800138000"))
            .build();
    assertThat(q.toString()).contains("sfzh").doesNotContain("11010519491231002X");
    assertThat(p.toString()).doesNotContain("11010519491231002X").doesNotContain("13800138000");
    assertThat(p.idempotencyKey()).matches("[A-Za-z0-9._:-]{16,128}");
    assertThat(p.idempotencyKey()).isEqualTo(p.idempotencyKey());
  }
}
