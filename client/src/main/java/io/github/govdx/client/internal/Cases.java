package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.CaseDecision;
import io.github.govdx.client.CaseListRequest;
import io.github.govdx.client.CaseState;
import io.github.govdx.client.IdempotentRequest;
import io.github.govdx.client.Page;
import io.github.govdx.client.PagedIterable;
import io.github.govdx.client.WireEnum;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The calls access applications ({@code docs/protocol.md} section 8) and data objections (section 12) share:
 * create, read, list, withdraw and decide a case under {@code /v1/<noun>}, sync and async.
 *
 * @param <C> the case type
 * @param <S> its state type
 * @param <L> the list request type
 * @param <D> the decision type
 */
final class Cases<
    C, S extends Enum<S> & CaseState, L extends CaseListRequest<S>, D extends CaseDecision<S>> {

  private final Transport transport;
  private final String noun;
  private final String idName;
  private final Function<JsonNode, C> mapper;
  private final Function<L, String> role;
  private final BiFunction<L, String, L> withPageToken;
  private final Function<D, String> decidedId;

  /**
   * @param noun the path segment and operation prefix, {@code applications} or {@code objections}
   * @param role the list request's {@code role} query value
   * @param mapper reads one case
   * @param withPageToken the list request with another page token
   * @param decidedId the id of the case a decision is about
   */
  Cases(
      Transport transport,
      String noun,
      Function<L, String> role,
      Function<JsonNode, C> mapper,
      BiFunction<L, String, L> withPageToken,
      Function<D, String> decidedId) {
    this.transport = transport;
    this.noun = noun;
    this.idName = noun.substring(0, noun.length() - 1) + "Id";
    this.mapper = mapper;
    this.role = role;
    this.withPageToken = withPageToken;
    this.decidedId = decidedId;
  }

  private ApiCall.Builder<C> call(String method, String operation) {
    return ApiCall.builder(method, (s, h, b, st) -> mapper.apply(Json.parseObject(b)))
        .operation(noun + "." + operation);
  }

  /** The create call: the resource code, then the members {@code members} writes. */
  ApiCall<C> createCall(
      String operation, String resourceCode, IdempotentRequest r, Consumer<ObjectNode> members) {
    Keys.checkResourceCode(resourceCode);
    ObjectNode body = Json.object();
    body.put("resourceCode", resourceCode);
    members.accept(body);
    return call("POST", operation)
        .path(noun)
        .json(Json.bytes(body))
        .idempotencyKey(r.idempotencyKey().orElseGet(Keys::newIdempotencyKey))
        .build();
  }

  ApiCall<C> getCall(String id) {
    return call("GET", "get").path(noun, Keys.checkId(id, idName)).build();
  }

  ApiCall<C> withdrawCall(String id, String reason) {
    Objects.requireNonNull(reason, "reason == null");
    ObjectNode o = Json.object();
    o.put("reason", reason);
    // withdrawing twice returns the same object (docs/protocol.md 8.4), so the call is safe to
    // repeat
    return call("POST", "withdraw")
        .path(noun, Keys.checkId(id, idName), "withdraw")
        .json(Json.bytes(o))
        .safeToRetry()
        .build();
  }

  ApiCall<Page<C>> listCall(L r) {
    Objects.requireNonNull(r, "request == null");
    return ApiCall.<Page<C>>builder("GET", (s, h, b, st) -> Mappers.page(b, mapper))
        .operation(noun + ".list")
        .path(noun)
        .query("role", role.apply(r))
        .query("state", r.state().map(WireEnum::wireName).orElse(null))
        .query("resourceCode", r.resourceCode().orElse(null))
        .query("pageSize", r.pageSize().orElse(null))
        .query("pageToken", r.pageToken().orElse(null))
        .build();
  }

  ApiCall<C> decideCall(D r) {
    Objects.requireNonNull(r, "request == null");
    ObjectNode o = Json.object();
    o.put("state", r.state().wireName());
    Json.putOpt(o, "reason", r.reason().orElse(null));
    return call("POST", "decide")
        .path(noun, Keys.checkId(decidedId.apply(r), idName), "decision")
        .json(Json.bytes(o))
        .build();
  }

  C run(ApiCall<C> call) {
    return transport.execute(call);
  }

  CompletableFuture<C> runAsync(ApiCall<C> call) {
    return transport.executeAsync(call);
  }

  PagedIterable<C> list(L request) {
    Objects.requireNonNull(request, "request == null");
    return PagedIterable.of(
        t -> transport.execute(listCall(t == null ? request : withPageToken.apply(request, t))));
  }

  CompletableFuture<Page<C>> listPage(L request) {
    return transport.executeAsync(listCall(request));
  }
}
