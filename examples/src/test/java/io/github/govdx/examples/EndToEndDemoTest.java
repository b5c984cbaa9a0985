package io.github.govdx.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.crypto.evidence.EvidenceLogVerifier;
import io.github.govdx.testkit.PersonalDataScanner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's main job as a CI test: it succeeds, and its transcript leaks no ID or phone number. */
class EndToEndDemoTest {

  @Test
  void run_succeeds_transcriptHasEveryStepAndNoUnmaskedIdentifiers() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Path[] log = new Path[1];
    boolean ok =
        EndToEndDemo.run(
            new Transcript(new PrintStream(buf, true, StandardCharsets.UTF_8)), p -> log[0] = p);
    String transcript = buf.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(transcript).isTrue();
    assertThat(transcript)
        .contains("SUCCESS")
        .doesNotContain("FAIL ")
        .contains("335001001/00012")
        .contains("335002001/00003")
        .contains("335003001/00031")
        .contains("接诉即办")
        .contains("数据异议")
        .contains("hash chain intact");
    assertThat(PersonalDataScanner.scan(transcript))
        .as("unmasked identifiers in the transcript")
        .isEmpty();
    assertThat(EvidenceLogVerifier.verify(log[0]).intact()).isTrue();
  }
}
