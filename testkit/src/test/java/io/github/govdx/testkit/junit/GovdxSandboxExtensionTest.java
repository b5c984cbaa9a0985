package io.github.govdx.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.ExchangeAsyncClient;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.ReviewMode;
import io.github.govdx.testkit.TestParty;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@GovdxSandbox(review = ReviewMode.MANUAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GovdxSandboxExtensionTest {

  private static final AtomicReference<ExchangeSandbox> FIRST = new AtomicReference<>();
  private static final AtomicReference<ExchangeClient> FIRST_CLIENT = new AtomicReference<>();

  @Test
  @Order(1)
  void injects_sandboxClientsAndParties(
      ExchangeSandbox sandbox,
      @SandboxParty("hotline") ExchangeClient hotline,
      @SandboxParty("hotline") ExchangeClient same,
      @SandboxParty("police") TestParty police) {
    FIRST.set(sandbox);
    FIRST_CLIENT.set(hotline);
    assertThat(same).isSameAs(hotline);
    assertThat(sandbox.reviewMode()).isEqualTo(ReviewMode.MANUAL);
    assertThat(hotline.party()).isEqualTo(sandbox.party("hotline").partyId());
    assertThat(police.partyId()).isEqualTo(sandbox.party("police").partyId());
    assertThat(hotline.catalog().detail("335001001/00012").summary().name()).isEqualTo("户籍人口基本信息");
  }

  @Test
  @Order(2)
  void oneSandboxPerClass_clientsReused(
      ExchangeSandbox sandbox,
      @SandboxParty("hotline") ExchangeClient hotline,
      @SandboxParty("citymgmt") ExchangeAsyncClient city) {
    assertThat(sandbox).isSameAs(FIRST.get());
    assertThat(hotline).isSameAs(FIRST_CLIENT.get());
    assertThat(city.catalog().detail("335003001/00031").join().provider())
        .isEqualTo(sandbox.party("citymgmt").partyId());
  }
}
