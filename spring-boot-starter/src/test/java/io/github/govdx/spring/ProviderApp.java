package io.github.govdx.spring;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.provider.ProviderPush;
import io.github.govdx.client.provider.ProviderQuery;
import io.github.govdx.client.provider.PushHandler;
import io.github.govdx.client.provider.QueryAnswer;
import io.github.govdx.client.provider.QueryHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A provider department application: one handler bean answers queries and stores pushes of the demands resource. */
@SpringBootConfiguration
@EnableAutoConfiguration
class ProviderApp {

  /** The department's handler: a push is kept in memory, a query answers the pushed records with its gdbh. */
  static final class Demands implements QueryHandler, PushHandler {
    final List<JsonNode> stored = new CopyOnWriteArrayList<>();
    final List<ProviderQuery> queries = new CopyOnWriteArrayList<>();
    final List<String> traceIds = new CopyOnWriteArrayList<>();

    @Override
    public QueryAnswer answer(ProviderQuery query) {
      queries.add(query);
      traceIds.add(io.opentelemetry.api.trace.Span.current().getSpanContext().getTraceId());
      String gdbh = query.filter().path("gdbh").asText();
      return QueryAnswer.builder()
          .records(stored.stream().filter(r -> r.path("gdbh").asText().equals(gdbh)).toList())
          .build();
    }

    @Override
    public String store(ProviderPush push) {
      stored.addAll(push.records());
      return "batch-" + stored.size();
    }
  }

  @Bean
  @GovdxResource(TestSandbox.DEMANDS)
  Demands demands() {
    return new Demands();
  }

  /** The department's file handler: keeps what it received (facts and bytes). */
  static final class CaseFiles implements io.github.govdx.client.provider.FileHandler {
    final List<io.github.govdx.client.provider.ProviderFile> received =
        new CopyOnWriteArrayList<>();
    final java.util.Map<String, byte[]> contents = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void receive(io.github.govdx.client.provider.ProviderFile file) throws Exception {
      contents.put(file.transferId(), java.nio.file.Files.readAllBytes(file.path()));
      received.add(file);
    }
  }

  @Bean
  @GovdxResource(TestSandbox.DEMANDS)
  CaseFiles caseFiles() {
    return new CaseFiles();
  }
}
