package io.github.govdx.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.testkit.PersonalDataScanner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The focused examples run to completion and print no unmasked identifiers. */
@ResourceLock(Resources.SYSTEM_OUT)
class FocusedExamplesTest {

  private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
  private PrintStream saved;

  @BeforeEach
  void capture() {
    saved = System.out;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(saved);
  }

  private String out() {
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void queryExample_printsMaskedRecord() {
    QueryExample.main(new String[0]);
    assertThat(out()).contains("approved").contains("公民身份号码");
    assertThat(PersonalDataScanner.scan(out())).isEmpty();
  }

  @Test
  void pushExample_storesOnce() {
    PushExample.main(new String[0]);
    assertThat(out()).contains("replayed=true").contains("batches stored: 1");
  }

  @Test
  void workOrderProviderExample_answersTheOrder() {
    WorkOrderProviderExample.main(new String[0]);
    assertThat(out()).contains("received 1 work order").contains("holds 1 answer");
  }

  @Test
  void evidenceLogExample_detectsTampering() throws Exception {
    EvidenceLogExample.main(new String[0]);
    assertThat(out()).contains("intact=true").contains("intact=false");
  }
}
