package com.linkwright.harness;

/**
 * This machine's share of a run spread over several: {@code index} of {@code total} (the {@code shard} setting, i/n,
 * as in Playwright Test's --shard). {@link ShardFilter} keeps the share; {@link ShardPlan} decides it.
 */
public record Shard(int index, int total) {
  static final String ALLOWED = "empty (run the whole selection) or i/n, this machine's share i of n machines, "
      + "whole numbers with 1 <= i <= n <= " + ShardPlan.MOST_SHARDS + " (e.g. 2/4)";

  /** The setting's value, trimmed like every other setting; null when empty. Throws on anything else than i/n. */
  static Shard parse(String value) {
    String s = value == null ? "" : value.trim();
    if (s.isEmpty()) {
      return null;
    }
    if (!s.matches("[0-9]{1,4}/[0-9]{1,4}")) {
      throw new IllegalArgumentException(s);
    }
    int slash = s.indexOf('/');
    int i = Integer.parseInt(s.substring(0, slash));
    int n = Integer.parseInt(s.substring(slash + 1));
    if (n < 1 || n > ShardPlan.MOST_SHARDS || i < 1 || i > n) {
      throw new IllegalArgumentException(s);
    }
    return new Shard(i, n);
  }

  @Override
  public String toString() {
    return index + "/" + total;
  }
}
