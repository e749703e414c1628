package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only a scenario that failed and then passed on a rerun is marked flaky for the report. */
class FlakyResultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static void result(Path dir, String file, String history, String status, long stop, String framework) throws IOException {
    Files.writeString(dir.resolve(file + "-result.json"), "{\"uuid\":\"" + file + "\",\"historyId\":\"" + history
        + "\",\"status\":\"" + status + "\",\"stop\":" + stop + ",\"statusDetails\":{\"flaky\":false},"
        + "\"labels\":[{\"name\":\"framework\",\"value\":\"" + framework + "\"}]}");
  }

  private static boolean flaky(Path dir, String file) throws IOException {
    return JSON.readTree(dir.resolve(file + "-result.json").toFile()).path("statusDetails").path("flaky").asBoolean();
  }

  @Test
  void theLastAttemptOfAScenarioThatPassedOnARerunIsMarked(@TempDir Path dir) throws IOException {
    result(dir, "flaky-1", "a", "failed", 1, "cucumber4jvm");
    result(dir, "flaky-2", "a", "passed", 2, "cucumber4jvm");
    result(dir, "steady", "b", "passed", 1, "cucumber4jvm");
    result(dir, "failing-1", "c", "failed", 1, "cucumber4jvm");
    result(dir, "failing-2", "c", "failed", 2, "cucumber4jvm");
    result(dir, "passed-twice-1", "d", "passed", 1, "cucumber4jvm");
    result(dir, "passed-twice-2", "d", "passed", 2, "cucumber4jvm");
    result(dir, "junit-1", "e", "failed", 1, "junit-platform");
    result(dir, "junit-2", "e", "passed", 2, "junit-platform");
    assertThat(FlakyResults.mark(dir)).isEqualTo(1);
    assertThat(flaky(dir, "flaky-2")).isTrue();
    for (String file : new String[] {"flaky-1", "steady", "failing-1", "failing-2", "passed-twice-1", "passed-twice-2", "junit-2"}) {
      assertThat(flaky(dir, file)).as(file).isFalse();
    }
  }

  @Test
  void theLastAttemptIsTheOneThatEndedLast(@TempDir Path dir) throws IOException {
    // written in any order: the attempt that stopped last decides
    result(dir, "z-first", "a", "failed", 5, "cucumber4jvm");
    result(dir, "a-second", "a", "passed", 9, "cucumber4jvm");
    assertThat(FlakyResults.mark(dir)).isEqualTo(1);
    assertThat(flaky(dir, "a-second")).isTrue();
  }
}
