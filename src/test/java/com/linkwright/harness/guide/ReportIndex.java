package com.linkwright.harness.guide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each scenario sits in a generated Allure report: the report names its test cases by a uid of its own (not the
 * result's uuid), so the way to one is {@code index.html#testresult/<uid>}, read from the report's own data. Allure's
 * single file embeds each data file as {@code d('data/test-cases/<uid>.json','base64')}; a scenario is found by its
 * historyId, and of several attempts (retries) the one the report shows.
 */
final class ReportIndex {
  private final Map<String, String> uidByHistoryId;

  private ReportIndex(Map<String, String> uidByHistoryId) {
    this.uidByHistoryId = uidByHistoryId;
  }

  static ReportIndex of(Path singleFile) throws IOException {
    Map<String, String> uids = new HashMap<>();
    if (!Files.isRegularFile(singleFile)) {
      return new ReportIndex(uids);
    }
    ObjectMapper json = new ObjectMapper();
    for (byte[] file : AllureSingleFile.files(singleFile, "data/test-cases/").values()) {
      JsonNode testCase = json.readTree(file);
      if (!testCase.path("hidden").asBoolean(false)) {
        uids.put(testCase.path("historyId").asText(), testCase.path("uid").asText());
      }
    }
    return new ReportIndex(uids);
  }

  Optional<String> uid(String historyId) {
    return Optional.ofNullable(uidByHistoryId.get(historyId));
  }

  int size() {
    return uidByHistoryId.size();
  }
}
