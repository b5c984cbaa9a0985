package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.EnvelopeDigest;
import io.github.govdx.client.Page;
import io.github.govdx.client.StateChange;
import io.github.govdx.client.application.Application;
import io.github.govdx.client.application.ApplicationState;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.catalog.ResourceItem;
import io.github.govdx.client.catalog.ResourceSummary;
import io.github.govdx.client.catalog.ShareType;
import io.github.govdx.client.directory.PartyCertificate;
import io.github.govdx.client.directory.PartyInfo;
import io.github.govdx.client.objection.Objection;
import io.github.govdx.client.objection.ObjectionCategory;
import io.github.govdx.client.objection.ObjectionState;
import io.github.govdx.client.subscription.Event;
import io.github.govdx.client.subscription.EventPage;
import io.github.govdx.client.subscription.Subscription;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Maps protocol JSON ({@code docs/protocol.md}) to the public value types. */
public final class Mappers {

  private static final java.security.Provider BC =
      new org.bouncycastle.jce.provider.BouncyCastleProvider();

  private Mappers() {}

  private static <E> E enumValue(JsonNode o, String name, Function<String, Optional<E>> parse) {
    String t = Json.text(o, name);
    return parse
        .apply(t)
        .orElseThrow(
            () ->
                new Json.MalformedJsonException(
                    "member '" + name + "' has an unknown value", null));
  }

  /**
   * Maps a page body {@code {"items": [...], "nextPageToken": ...}}.
   *
   * @param body the body
   * @param item maps one item
   * @param <T> the item type
   * @return the page
   */
  public static <T> Page<T> page(byte[] body, Function<JsonNode, T> item) {
    JsonNode o = Json.parseObject(body);
    List<T> items = new ArrayList<>();
    for (JsonNode n : Json.array(o, "items")) {
      if (!n.isObject()) {
        throw new Json.MalformedJsonException("member 'items' has a non-object element", null);
      }
      items.add(item.apply(n));
    }
    return Page.of(items, Json.optText(o, "nextPageToken"));
  }

  /**
   * @param o a catalog listing object
   * @return the summary
   */
  public static ResourceSummary resourceSummary(JsonNode o) {
    return ResourceSummary.builder()
        .resourceCode(Json.text(o, "resourceCode"))
        .name(Json.text(o, "name"))
        .provider(Json.party(o, "provider"))
        .providerName(Json.optText(o, "providerName"))
        .summary(Json.optText(o, "summary"))
        .shareType(enumValue(o, "shareType", ShareType::parse))
        .updateCycle(Json.optText(o, "updateCycle"))
        .format(Json.optText(o, "format"))
        .publishedOn(Json.optDate(o, "publishedOn"))
        .build();
  }

  /**
   * @param o a catalog detail object
   * @return the detail
   */
  public static ResourceDetail resourceDetail(JsonNode o) {
    List<ResourceItem> items = new ArrayList<>();
    for (JsonNode i : Json.array(o, "items")) {
      Long s = Json.optLong(i, "sensitivity");
      items.add(
          ResourceItem.builder()
              .name(Json.text(i, "name"))
              .nameZh(Json.optText(i, "nameZh"))
              .dataType(Json.optText(i, "dataType"))
              .element(Json.optText(i, "element"))
              .format(Json.optText(i, "format"))
              .codeTable(Json.optText(i, "codeTable"))
              .codeTableEdition(Json.optText(i, "codeTableEdition"))
              .identifier(Json.optText(i, "identifier"))
              .required(Json.bool(i, "required", false))
              .sensitivity(s == null ? null : s.intValue())
              .build());
    }
    JsonNode schema = o.get("schema");
    if (schema != null && !schema.isNull() && !schema.isObject()) {
      throw new Json.MalformedJsonException("member 'schema' is not an object", null);
    }
    return ResourceDetail.builder()
        .summary(resourceSummary(o))
        .shareConditions(Json.optText(o, "shareConditions"))
        .actions(Json.strings(o, "actions"))
        .items(items)
        .schema(schema == null || schema.isNull() ? null : schema)
        .build();
  }

  /**
   * @param o a directory object
   * @return the party
   */
  public static PartyInfo partyInfo(JsonNode o) {
    List<PartyCertificate> certs = new ArrayList<>();
    for (JsonNode c : Json.array(o, "certificates")) {
      certs.add(
          PartyCertificate.builder()
              .keyId(Json.text(c, "keyId"))
              .suite(Json.text(c, "suite"))
              .notBefore(Json.instant(c, "notBefore"))
              .notAfter(Json.instant(c, "notAfter"))
              .chain(pem(Json.text(c, "pem")))
              .build());
    }
    return PartyInfo.builder()
        .partyId(Json.party(o, "partyId"))
        .name(Json.optText(o, "name"))
        .certificates(certs)
        .build();
  }

  /**
   * Parses PEM certificates (RFC 7468).
   *
   * @param pem one or more {@code CERTIFICATE} blocks
   * @return the certificates, in order
   */
  public static List<X509Certificate> pem(String pem) {
    try {
      // Bouncy Castle's factory (a private provider instance, never registered globally): the JDK's
      // cannot
      // parse SM2 certificates (unknown named curve 1.2.156.10197.1.301)
      Collection<? extends Certificate> cs =
          CertificateFactory.getInstance("X.509", BC)
              .generateCertificates(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : cs) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new Json.MalformedJsonException("member 'pem' holds no certificate", null);
      }
      return out;
    } catch (CertificateException | ClassCastException e) {
      throw new Json.MalformedJsonException("member 'pem' is not a PEM X.509 certificate chain", e);
    }
  }

  private static List<StateChange> history(JsonNode o) {
    List<StateChange> out = new ArrayList<>();
    for (JsonNode h : Json.array(o, "history")) {
      out.add(
          StateChange.of(
              Json.text(h, "state"),
              Json.instant(h, "at"),
              Json.party(h, "by"),
              Json.optText(h, "reason")));
    }
    return out;
  }

  /**
   * @param o an application object
   * @return the application
   */
  public static Application application(JsonNode o) {
    return Application.builder()
        .applicationId(Json.text(o, "applicationId"))
        .resourceCode(Json.text(o, "resourceCode"))
        .applicant(Json.party(o, "applicant"))
        .provider(Json.party(o, "provider"))
        .purpose(Json.text(o, "purpose"))
        .legalBasis(Json.optText(o, "legalBasis"))
        .items(Json.strings(o, "items"))
        .validUntil(Json.optDate(o, "validUntil"))
        .state(enumValue(o, "state", ApplicationState::parse))
        .submittedAt(Json.instant(o, "submittedAt"))
        .updatedAt(Json.instant(o, "updatedAt"))
        .timeLimitWorkingDays(Json.integer(o, "timeLimitWorkingDays"))
        .dueDate(Json.date(o, "dueDate"))
        .decisionReason(Json.optText(o, "decisionReason"))
        .history(history(o))
        .build();
  }

  /**
   * @param o a subscription object
   * @return the subscription
   */
  public static Subscription subscription(JsonNode o) {
    return Subscription.builder()
        .subscriptionId(Json.text(o, "subscriptionId"))
        .resourceCode(Json.text(o, "resourceCode"))
        .eventTypes(Json.strings(o, "eventTypes"))
        .subscriber(Json.party(o, "subscriber"))
        .state(Json.text(o, "state"))
        .createdAt(Json.instant(o, "createdAt"))
        .build();
  }

  /**
   * @param body an event feed body
   * @return the page of events
   */
  public static EventPage eventPage(byte[] body) {
    JsonNode o = Json.parseObject(body);
    List<Event> events = new ArrayList<>();
    for (JsonNode e : Json.array(o, "events")) {
      JsonNode data = e.get("data");
      events.add(
          Event.builder()
              .eventId(Json.text(e, "eventId"))
              .type(Json.text(e, "type"))
              .resourceCode(Json.text(e, "resourceCode"))
              .occurredAt(Json.instant(e, "occurredAt"))
              .data(data == null || data.isNull() ? Json.object() : data)
              .build());
    }
    return EventPage.builder().events(events).nextCursor(Json.text(o, "nextCursor")).build();
  }

  /**
   * @param o a digest object {@code {"alg","value"}}
   * @return the digest
   */
  public static EnvelopeDigest digest(JsonNode o) {
    try {
      return new EnvelopeDigest(Json.text(o, "alg"), Json.text(o, "value"));
    } catch (IllegalArgumentException e) {
      throw new Json.MalformedJsonException(
          "member 'digest' is not an SM3 or SHA-256 hex digest", e);
    }
  }

  /**
   * @param o an objection object
   * @return the objection
   */
  public static Objection objection(JsonNode o) {
    return Objection.builder()
        .objectionId(Json.text(o, "objectionId"))
        .resourceCode(Json.text(o, "resourceCode"))
        .objector(Json.party(o, "objector"))
        .provider(Json.party(o, "provider"))
        .messageId(Json.text(o, "messageId"))
        .digest(digest(Json.obj(o, "digest")))
        .pointers(Json.strings(o, "pointers"))
        .category(enumValue(o, "category", ObjectionCategory::parse))
        .description(Json.text(o, "description"))
        .state(enumValue(o, "state", ObjectionState::parse))
        .submittedAt(Json.instant(o, "submittedAt"))
        .updatedAt(Json.instant(o, "updatedAt"))
        .timeLimitWorkingDays(Json.integer(o, "timeLimitWorkingDays"))
        .dueDate(Json.date(o, "dueDate"))
        .resolution(Json.optText(o, "resolution"))
        .history(history(o))
        .build();
  }
}
