package com.linkwright.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge job: the results of a run's shards, as CI hands them back, make one run: each scenario once, the totals of
 * one run, reruns kept; anything that does not add up (a shard missing or given twice, shards split differently, a
 * share not reported) is named.
 */
class MergeReportsTest {
  private static final String A = "features/a.feature:3";
  private static final String B = "features/a.feature:9";
  private static final String C = "features/b.feature:4";
  private static final SortedMap<String, Integer> PLAN = new TreeMap<>(java.util.Map.of(A, 1, B, 2, C, 2));

  @Test
  void twoShardsArchivedTheWaysCiHandsThemBackMakeOneRun(@TempDir Path dir) throws IOException {
    Path one = shard(dir.resolve("one"), 1, PLAN, "count");
    scenario(one, A, "passed", 0);
    junit(one, "com.linkwright.app.PostingIT", "passed");
    junit(one, "com.linkwright.app.SignInIT", "failed");
    env(one, "Browser", "Chromium 156", "Commit", "abc123");
    Path two = shard(dir.resolve("two"), 2, PLAN, "count");
    scenario(two, B, "failed", 0);
    // C failed, then passed when rerun: flaky
    scenario(two, C, "failed", 0);
    scenario(two, C, "passed", 1);
    env(two, "Browser", "Chromium 155", "Commit", "abc123");
    Files.createDirectories(two.resolve("history"));
    Files.writeString(two.resolve("history").resolve("history.json"), "{}");
    // GitHub's artifacts come as zip, GitLab's may be tar.gz; a folder of them is enough to name
    Path handedBack = dir.resolve("downloaded");
    zip(one, handedBack.resolve("shard-1.zip"));
    tarGz(two, handedBack.resolve("shard-2").resolve("allure-results.tar.gz"));

    MergeReports.Merged merged = MergeReports.merge(List.of(handedBack), dir.resolve("work"));

    assertThat(merged.problems()).isEmpty();
    RunSummary s = merged.summary();
    assertThat(s.scenarios()).isEqualTo(3);
    assertThat(s.passed()).isEqualTo(2);
    assertThat(s.failed()).isEqualTo(1);
    assertThat(s.flaky()).isEqualTo(1);
    assertThat(s.junitTests()).isEqualTo(2);
    assertThat(s.junitFailed()).isEqualTo(1);
    assertThat(merged.summaryLines().get(0)).startsWith("merged 2 shards: scenarios: 2 passed, 1 failed, 0 broken, 1 flaky");
    // one whole run: no shard plans (its durations balance the next run), no shard's own trend
    try (Stream<Path> files = Files.list(merged.results())) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("linkwright-shard-")).doesNotContain("history");
    }
    Properties env = new Properties();
    try (var in = Files.newBufferedReader(merged.results().resolve("environment.properties"))) {
      env.load(in);
    }
    assertThat(env).containsEntry("Commit", "abc123").containsEntry("Browser", "Chromium 155 | Chromium 156").containsEntry("Shards", "2 (merged)");
  }

  @Test
  void aMissingShardIsNamed(@TempDir Path dir) throws IOException {
    Path one = shard(dir.resolve("one"), 1, PLAN, "count");
    scenario(one, A, "passed", 0);
    assertThat(MergeReports.merge(List.of(one), dir.resolve("work")).problems())
        .containsExactly("shard 2/2 is missing: give its results too");
  }

  @Test
  void theSameShardGivenTwiceIsNamedAndCountedOnce(@TempDir Path dir) throws IOException {
    Path one = shard(dir.resolve("one"), 1, PLAN, "count");
    scenario(one, A, "passed", 0);
    Path two = shard(dir.resolve("two"), 2, PLAN, "count");
    scenario(two, B, "passed", 0);
    scenario(two, C, "passed", 0);
    MergeReports.Merged merged = MergeReports.merge(List.of(one, two, one), dir.resolve("work"));
    assertThat(merged.problems()).anySatisfy(p -> assertThat(p).startsWith("shard 1/2 was given twice"))
        .anySatisfy(p -> assertThat(p).startsWith(A + " ran in two shards' results"));
    assertThat(merged.summary().scenarios()).isEqualTo(3);
  }

  @Test
  void shardsThatSplitByDifferentDurationsAreRefused(@TempDir Path dir) throws IOException {
    Path one = shard(dir.resolve("one"), 1, PLAN, "count");
    scenario(one, A, "passed", 0);
    SortedMap<String, Integer> other = new TreeMap<>(java.util.Map.of(A, 2, B, 1, C, 2));
    Path two = shard(dir.resolve("two"), 2, other, "the durations in x.json");
    scenario(two, A, "passed", 0);
    scenario(two, C, "passed", 0);
    List<String> problems = MergeReports.merge(List.of(one, two), dir.resolve("work")).problems();
    assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("the shards split different selections or by different durations (2 plans"))
        .anySatisfy(p -> assertThat(p).startsWith(A + " ran in two shards' results"));
  }

  @Test
  void aShareThatWasNotReportedIsNamed(@TempDir Path dir) throws IOException {
    Path one = shard(dir.resolve("one"), 1, PLAN, "count");
    scenario(one, A, "passed", 0);
    Path two = shard(dir.resolve("two"), 2, PLAN, "count");
    scenario(two, B, "passed", 0);
    assertThat(MergeReports.merge(List.of(one, two), dir.resolve("work")).problems()).containsExactly(
        "shard 2/2 (" + two + ") reported no result for 1 scenario(s) of its share: [" + C + "] (did its job finish?)");
  }

  @Test
  void resultsOfARunThatWasNotShardedAreNamed(@TempDir Path dir) throws IOException {
    Path whole = dir.resolve("whole");
    Files.createDirectories(whole);
    scenario(whole, A, "passed", 0);
    assertThat(MergeReports.merge(List.of(whole), dir.resolve("work")).problems())
        .anySatisfy(p -> assertThat(p).contains("a run that was not sharded"));
  }

  private static Path shard(Path results, int index, SortedMap<String, Integer> plan, String balancedBy) throws IOException {
    Files.createDirectories(results);
    ShardRecords.write(results, new ShardRecords.Record(index, 2, "junit-platform-suite", balancedBy,
        balancedBy.equals("count") ? "none" : "f00d", plan));
    return results;
  }

  private static void scenario(Path results, String name, String status, int attempt) throws IOException {
    long start = 1_000_000L + attempt * 10_000L;
    result(results, "{\"uuid\":\"%s\",\"historyId\":\"%s\",\"fullName\":\"%s\",\"name\":\"%s\",\"status\":\"%s\",\"start\":%d,\"stop\":%d,"
        + "\"labels\":[{\"name\":\"framework\",\"value\":\"cucumber4jvm\"}]}", name.hashCode(), name, name, status, start, start + 2000);
  }

  private static void junit(Path results, String testClass, String status) throws IOException {
    result(results, "{\"uuid\":\"%s\",\"historyId\":\"%s\",\"fullName\":\"%s.test\",\"name\":\"test\",\"status\":\"%s\",\"start\":%d,"
        + "\"stop\":%d,\"labels\":[{\"name\":\"framework\",\"value\":\"junit-platform\"},{\"name\":\"testClass\",\"value\":\"%s\"}]}",
        testClass.hashCode(), testClass, status, 5L, 9L, testClass);
  }

  private static void result(Path results, String format, Object historyId, Object... rest) throws IOException {
    String uuid = UUID.randomUUID().toString();
    Object[] args = new Object[rest.length + 2];
    args[0] = uuid;
    args[1] = historyId;
    System.arraycopy(rest, 0, args, 2, rest.length);
    Files.writeString(results.resolve(uuid + "-result.json"), String.format(format, args));
  }

  private static void env(Path results, String... kv) throws IOException {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    try (var out = Files.newBufferedWriter(results.resolve("environment.properties"))) {
      p.store(out, null);
    }
  }

  private static void zip(Path folder, Path zip) throws IOException {
    Files.createDirectories(zip.getParent());
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.walk(folder)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new ZipEntry("allure-results/" + folder.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
  }

  private static void tarGz(Path folder, Path archive) throws IOException {
    Files.createDirectories(archive.getParent());
    try (OutputStream raw = Files.newOutputStream(archive);
         TarArchiveOutputStream out = new TarArchiveOutputStream(new GZIPOutputStream(raw));
         Stream<Path> files = Files.walk(folder)) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        TarArchiveEntry e = new TarArchiveEntry(f.toFile(), "target/allure-results/" + folder.relativize(f).toString().replace('\\', '/'));
        out.putArchiveEntry(e);
        Files.copy(f, out);
        out.closeArchiveEntry();
      }
    }
  }
}
