package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.ExchangeAsyncClient;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.crypto.replay.InMemoryReplayCache;
import io.github.govdx.crypto.replay.ReplayCache;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The application's own beans replace the auto-configured ones; customizers reach the builders. */
class OverrideTest {

  @Test
  void userBeans_replaceAutoConfiguredOnes() {
    ReplayCache mine = new InMemoryReplayCache();
    ExchangeClient myClient = TestSandbox.get().client("hotline");
    BrokenConfigurationTest.working()
        .withBean("myReplayCache", ReplayCache.class, () -> mine)
        .withBean("myClient", ExchangeClient.class, () -> myClient)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeansOfType(ReplayCache.class))
                  .containsOnlyKeys("myReplayCache");
              assertThat(context.getBean(ReplayCache.class)).isSameAs(mine);
              assertThat(context.getBeansOfType(ExchangeClient.class)).containsOnlyKeys("myClient");
              assertThat(context).hasSingleBean(ExchangeAsyncClient.class);
            });
  }

  @Test
  void customizers_areAppliedToBothClients() {
    AtomicInteger calls = new AtomicInteger();
    BrokenConfigurationTest.working()
        .withBean(ExchangeClientCustomizer.class, () -> b -> calls.incrementAndGet())
        .run(
            context -> {
              context.getBean(ExchangeClient.class);
              context.getBean(ExchangeAsyncClient.class);
              assertThat(calls).hasValue(2);
            });
  }
}
