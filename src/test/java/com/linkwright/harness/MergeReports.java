package com.linkwright.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The merge job of a sharded run: one Allure report and one run summary from the results of its shards, as CI hands
 * them back (folders, .zip or .tar.gz, alone or in a folder of them). Each scenario once, the totals those of one
 * run, reruns kept (flaky stays flaky, failed stays failed), the previous report's history carried on; the report
 * and its history are built by {@link ReportBuilder#generate}, the summary by {@link RunSummary}, as for one run.
 *
 * <p>It checks what it is given against the plans the shards recorded: every shard of the run once, all split the
 * same way (the same selection, the same durations), each reported every scenario of its share and none of another's.
 * Anything else still gives a report, then fails, naming what is missing or doubled.
 * Arguments: the shards' results (comma-separated), a work folder, the report folder, Allure's commandline home.
 *
 * <p>Over 250 lines because it is one job of a CI pipeline with its own input handling (archives of two formats,
 * nested or not) and its checks; the report, the summary and the plans are already other classes' work.
 */
public final class MergeReports {
  /** Written anew for the merged run, from the shards' own. */
  private static final Set<String> PER_RUN = Set.of("environment.properties", "executor.json", "categories.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private MergeReports() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 4 || args[0].isBlank()) {
      throw new IllegalArgumentException("Which shards? Give their results with -Dmerge.from=DIR (a folder holding "
          + "each shard's target/allure-results, as folders, .zip or .tar.gz) or a comma-separated list of them.");
    }
    Path work = Path.of(args[1]);
    Path report = Path.of(args[2]);
    Path allureHome = Path.of(args[3]);
    List<Path> inputs = Stream.of(args[0].split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
    Merged merged = merge(inputs, work);
    Path single = ReportBuilder.generate(merged.results(), report, allureHome);
    List<String> summary = merged.summaryLines();
    Files.write(report.resolve("run-summary.txt"), summary);
    summary.forEach(l -> System.out.println("[linkwright] " + l));
    System.out.println("[linkwright] Allure report of the merged run: " + single + " (summary: "
        + report.resolve("run-summary.txt") + ")");
    if (!merged.problems().isEmpty()) {
      throw new IllegalStateException("The shards do not add up to one run:\n  - " + String.join("\n  - ", merged.problems()));
    }
    if (merged.summary().scenarios() == 0) {
      throw new IllegalStateException("No scenario ran in any shard: the selection matched nothing.");
    }
  }

  /** The merged results, their summary, and what did not add up (empty when the shards are one whole run). */
  record Merged(Path results, RunSummary summary, List<String> shards, List<String> problems) {
    List<String> summaryLines() {
      List<String> lines = new ArrayList<>();
      lines.add("merged " + shards.size() + " shards: " + summary.line());
      shards.forEach(s -> lines.add("  " + s));
      problems.forEach(p -> lines.add("  PROBLEM: " + p));
      return lines;
    }
  }

  /** Unpacks and checks the shards' results and copies them into {@code work}/results, ready for Allure. */
  static Merged merge(List<Path> inputs, Path work) throws IOException {
    deleteTree(work);
    Path results = work.resolve("results");
    Files.createDirectories(results);
    List<Path> shardResults = new ArrayList<>();
    int archive = 0;
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new IllegalArgumentException("merge.from: " + input.toAbsolutePath() + " does not exist.");
      }
      archive = find(input, work.resolve("unpacked"), archive, shardResults);
    }
    if (shardResults.isEmpty()) {
      throw new IllegalArgumentException("merge.from: no shard's results in " + inputs + " (a shard's results are its "
          + "target/allure-results folder, with linkwright-shard-*.json in it; archived as .zip or .tar.gz).");
    }
    List<String> problems = new ArrayList<>();
    List<String> shards = new ArrayList<>();
    Map<String, Map<Integer, Path>> planShards = new TreeMap<>();
    Map<String, ShardRecords.Record> plans = new TreeMap<>();
    Map<String, Path> scenarioFrom = new TreeMap<>();
    for (Path folder : shardResults) {
      List<ShardRecords.Record> records = ShardRecords.read(folder);
      if (records.isEmpty()) {
        problems.add(folder + " holds results of a run that was not sharded (no linkwright-shard-*.json): "
            + "merge the results of one run's shards, -Dshard=1/n to n/n");
        continue;
      }
      Map<String, List<JsonNode>> attempts = scenarioAttempts(folder);
      for (ShardRecords.Record r : records) {
        plans.putIfAbsent(r.planId(), r);
        Path twice = planShards.computeIfAbsent(r.planId(), k -> new TreeMap<>()).putIfAbsent(r.shard(), folder);
        if (twice != null) {
          problems.add("shard " + r.shard() + "/" + r.of() + " was given twice: " + twice + " and " + folder);
        }
        List<String> unreported = r.mine().stream().filter(s -> !attempts.containsKey(s)).toList();
        if (!unreported.isEmpty()) {
          problems.add("shard " + r.shard() + "/" + r.of() + " (" + folder + ") reported no result for " + unreported.size()
              + " scenario(s) of its share: " + unreported + " (did its job finish?)");
        }
        Set<String> notMine = new TreeSet<>(attempts.keySet());
        r.mine().forEach(notMine::remove);
        if (!notMine.isEmpty()) {
          problems.add("shard " + r.shard() + "/" + r.of() + " (" + folder + ") ran scenarios of other shards: " + notMine);
        }
        shards.add("shard " + r.shard() + "/" + r.of() + ": " + r.mine().size() + " of " + r.plan().size()
            + " scenarios, split by " + r.balancedBy() + " (" + folder + ")");
      }
      for (String scenario : attempts.keySet()) {
        Path before = scenarioFrom.putIfAbsent(scenario, folder);
        if (before != null) {
          problems.add(scenario + " ran in two shards' results: " + before + " and " + folder);
        }
      }
      copyResults(folder, results, problems);
    }
    if (plans.size() > 1) {
      problems.add("the shards split different selections or by different durations (" + plans.size() + " plans: "
          + plans.values().stream().map(p -> p.of() + " shards of " + p.plan().size() + " scenarios by " + p.balancedBy())
              .collect(Collectors.joining("; ")) + "): run every shard with the same selection and the same shard.durations file");
    }
    for (var plan : planShards.entrySet()) {
      int of = plans.get(plan.getKey()).of();
      for (int i = 1; i <= of; i++) {
        if (!plan.getValue().containsKey(i)) {
          problems.add("shard " + i + "/" + of + " is missing: give its results too");
        }
      }
    }
    writeEnvironment(shardResults, results, shards.size());
    copyPerRunFile(shardResults, results, "executor.json");
    copyPerRunFile(shardResults, results, "categories.json");
    return new Merged(results, RunSummary.read(results), shards, problems);
  }

  /** A shard's results: a folder holding a shard's plan or Allure results, or archives and folders of such. */
  private static int find(Path input, Path unpacked, int archives, List<Path> found) throws IOException {
    if (Files.isRegularFile(input)) {
      String name = input.getFileName().toString();
      if (name.endsWith(".zip") || name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
        Path into = unpacked.resolve(String.valueOf(++archives));
        unpack(input, into);
        return find(into, unpacked, archives, found);
      }
      return archives;
    }
    try (Stream<Path> entries = Files.list(input)) {
      List<Path> sorted = entries.sorted().toList();
      boolean results = sorted.stream().anyMatch(p -> ShardRecords.isRecord(p) || p.getFileName().toString().endsWith("-result.json"));
      if (results) {
        found.add(input);
        return archives;
      }
      for (Path p : sorted) {
        archives = find(p, unpacked, archives, found);
      }
    }
    return archives;
  }

  private static void unpack(Path archive, Path into) throws IOException {
    Files.createDirectories(into);
    Path root = into.toAbsolutePath().normalize();
    String name = archive.getFileName().toString();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive))) {
      if (name.endsWith(".zip")) {
        try (ZipInputStream zip = new ZipInputStream(raw)) {
          for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            write(root, e.getName(), e.isDirectory(), zip, archive);
          }
        }
      } else {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw))) {
          for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            if (e.isFile() || e.isDirectory()) {
              write(root, e.getName(), e.isDirectory(), tar, archive);
            }
          }
        }
      }
    }
  }

  private static void write(Path root, String entry, boolean directory, InputStream in, Path archive) throws IOException {
    Path target = root.resolve(entry).normalize();
    if (!target.startsWith(root)) {
      throw new IOException(archive + " holds " + entry + ", which would land outside " + root);
    }
    if (directory) {
      Files.createDirectories(target);
    } else {
      Files.createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Each scenario's attempts (a rerun under retries is a second attempt), by the name the plans use. */
  private static Map<String, List<JsonNode>> scenarioAttempts(Path folder) throws IOException {
    Map<String, List<JsonNode>> attempts = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().endsWith("-result.json"))::iterator) {
        JsonNode r = JSON.readTree(f.toFile());
        if (RunSummary.isScenario(r)) {
          attempts.computeIfAbsent(r.path("fullName").asText(), k -> new ArrayList<>()).add(r);
        }
      }
    }
    return attempts;
  }

  /**
   * Results, containers and attachments keep their names (Allure's UUIDs); a shard's history (the trend it carried
   * over) and plans are left out: the merged run continues the merge job's history, and is one whole run.
   */
  private static void copyResults(Path folder, Path results, List<String> problems) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        String name = f.getFileName().toString();
        if (PER_RUN.contains(name) || ShardRecords.isRecord(f)) {
          continue;
        }
        Path target = results.resolve(name);
        if (Files.exists(target)) {
          problems.add(name + " is in two shards' results (" + folder + "): the same shard given twice?");
          continue;
        }
        Files.copy(f, target);
      }
    }
  }

  /** One Environment panel: what every shard agrees on, the differences side by side, and how many shards. */
  private static void writeEnvironment(List<Path> shardResults, Path results, int shards) throws IOException {
    Map<String, Set<String>> values = new TreeMap<>();
    for (Path folder : shardResults) {
      Path env = folder.resolve("environment.properties");
      if (Files.isRegularFile(env)) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(env)) {
          p.load(r);
        }
        p.stringPropertyNames().forEach(k -> values.computeIfAbsent(k, x -> new TreeSet<>()).add(p.getProperty(k)));
      }
    }
    Properties merged = new Properties();
    values.forEach((k, v) -> merged.setProperty(k, String.join(" | ", v)));
    merged.setProperty("Shards", shards + " (merged)");
    try (Writer w = Files.newBufferedWriter(results.resolve("environment.properties"))) {
      merged.store(w, null);
    }
  }

  private static void copyPerRunFile(List<Path> shardResults, Path results, String name) throws IOException {
    for (Path folder : shardResults) {
      if (Files.isRegularFile(folder.resolve(name))) {
        Files.copy(folder.resolve(name), results.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        return;
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
