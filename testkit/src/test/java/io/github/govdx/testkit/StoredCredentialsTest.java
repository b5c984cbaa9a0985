package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.testkit.internal.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keyring entries of a clustered sandbox keep their JSON form, so entries of earlier instances still read. */
class StoredCredentialsTest {

  private static final PartyId PARTY = PartyId.parse("11320500014160478L");

  private static List<String> names(String json) throws Exception {
    JsonNode n = Json.MAPPER.readTree(json);
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void party_membersInOrder_absentStayAbsent_roundTrip() throws Exception {
    TestPki pki = TestPki.create();
    String single = Json.write(pki.issueStored(PARTY, false).withGatewaySecret("c2VjcmV0"));
    assertThat(names(single)).containsExactly("partyId", "key", "certificate", "gatewaySecret");
    String dual = Json.write(pki.issueStored(PARTY, true));
    assertThat(names(dual))
        .containsExactly("partyId", "key", "certificate", "encryptionKey", "encryptionCertificate");

    TestPki.StoredParty read = Json.stored(dual, TestPki.StoredParty.class);
    PartyCredentials c = read.credentials();
    assertThat(c.partyId()).isEqualTo(PARTY);
    assertThat(c.encryptionCertificate()).isPresent();
    assertThat(Json.stored(single, TestPki.StoredParty.class).gatewaySecret())
        .isEqualTo("c2VjcmV0");
  }

  @Test
  void unknownMember_isNotAnEntry() {
    assertThatThrownBy(
            () ->
                Json.stored(
                    "{\"key\": \"k\", \"certificate\": \"c\", \"x\": 1}", TestPki.StoredCa.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("stored JSON is not a StoredCa");
  }
}
