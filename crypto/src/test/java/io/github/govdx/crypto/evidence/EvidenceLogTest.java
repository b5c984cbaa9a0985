package io.github.govdx.crypto.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.crypto.EvidenceFixtures;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.Suite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceLogTest {

  private static final Clock CLOCK = Clock.fixed(EvidenceFixtures.now(), ZoneOffset.UTC);

  @TempDir Path dir;
  Path file;
  List<String> lines;

  @BeforeEach
  void writeFiveLines() throws Exception {
    file = dir.resolve("evidence.log");
    try (EvidenceLog log = EvidenceLog.open(file, CLOCK)) {
      for (int i = 0; i < 4; i++) {
        OpenedMessage m = EvidenceFixtures.sealedAndOpened(Suite.GM, "e-" + i);
        log.recordSealed(m.envelope());
      }
      OpenedMessage m = EvidenceFixtures.sealedAndOpened(Suite.GM, "e-r");
      log.recordReceipted(
          m.envelope(),
          Receipt.issue(EvidenceFixtures.receiver(Suite.GM), m, EvidenceFixtures.now()));
      assertThat(log.size()).isEqualTo(5);
    }
    lines = Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  private EvidenceLogVerifier.Result verifyWith(List<String> content) throws Exception {
    Files.write(file, content, StandardCharsets.UTF_8);
    return EvidenceLogVerifier.verify(file);
  }

  @Test
  void verify_untouched_intactWithHead() throws Exception {
    EvidenceLogVerifier.Result r = EvidenceLogVerifier.verify(file);
    assertThat(r.intact()).isTrue();
    assertThat(r.entries()).isEqualTo(5);
    assertThat(lines.get(0))
        .startsWith("{\"seq\":1,\"time\":\"2026-11-24T12:00:00Z\",\"event\":\"SEALED\"")
        .contains("\"prev\":\"" + EvidenceLog.GENESIS + "\"")
        .doesNotContain("AQID");
    assertThat(lines.get(4)).contains("\"event\":\"RECEIPTED\"").contains("\"receipt\":\"");
    assertThat(r.head())
        .isEqualTo(lines.get(4).substring(lines.get(4).length() - 66, lines.get(4).length() - 2));
  }

  @Test
  void verify_modifiedLine_reportsThatLine() throws Exception {
    List<String> c = new ArrayList<>(lines);
    c.set(2, c.get(2).replace("\"action\":\"query\"", "\"action\":\"querx\""));
    EvidenceLogVerifier.Result r = verifyWith(c);
    assertThat(r.firstBrokenLine()).hasValue(3);
    assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).contains("modified"));
    assertThat(r.entries()).isEqualTo(2);
  }

  @Test
  void verify_deletedInsertedReordered_reportFirstBrokenLine() throws Exception {
    List<String> deleted = new ArrayList<>(lines);
    deleted.remove(1);
    assertThat(verifyWith(deleted).firstBrokenLine()).hasValue(2);

    List<String> inserted = new ArrayList<>(lines);
    inserted.add(3, lines.get(1));
    assertThat(verifyWith(inserted).firstBrokenLine()).hasValue(4);

    List<String> reordered = new ArrayList<>(lines);
    Collections.swap(reordered, 2, 3);
    assertThat(verifyWith(reordered).firstBrokenLine()).hasValue(3);

    List<String> garbage = new ArrayList<>(lines);
    garbage.set(0, "not json");
    assertThat(verifyWith(garbage).firstBrokenLine()).hasValue(1);
  }

  @Test
  void open_existingIntactLog_continuesTheChain_brokenLogRefused() throws Exception {
    try (EvidenceLog log = EvidenceLog.open(file, CLOCK)) {
      assertThat(log.size()).isEqualTo(5);
      log.recordOpened(EvidenceFixtures.sealedAndOpened(Suite.INTL, "e-5"));
      assertThat(log.head()).isNotEqualTo(EvidenceLog.GENESIS);
    }
    assertThat(EvidenceLogVerifier.verify(file).entries()).isEqualTo(6);
    List<String> c = new ArrayList<>(Files.readAllLines(file));
    c.remove(0);
    Files.write(file, c);
    assertThatThrownBy(() -> EvidenceLog.open(file, CLOCK))
        .isInstanceOf(EvidenceException.class)
        .hasMessageStartingWith("GDX-2502");
  }
}
