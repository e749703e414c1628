import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * For a checkout from before the run summary had its phase line (bench/gate --against an older commit): the same
 * line, read from that run's Allure results. Back then the first scenario's Before hook started the harness (stubs,
 * app, Playwright, Chromium, one after the other), so that hook is the harness start, and the rest of that
 * scenario is its first scenario. Run as: java -cp JACKSON bench/OldPhases.java target/allure-results
 */
public class OldPhases {
  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> scenarios = new ArrayList<>();
    Map<String, Long> beforeMillis = new HashMap<>();
    for (File f : new File(args[0]).listFiles((dir, name) -> name.endsWith("-result.json") || name.endsWith("-container.json"))) {
      JsonNode n = json.readTree(f);
      if (f.getName().endsWith("-result.json") && n.path("labels").toString().contains("cucumber")) {
        scenarios.add(n);
      } else if (f.getName().endsWith("-container.json")) {
        long before = 0;
        for (JsonNode b : n.path("befores")) {
          before += b.path("stop").asLong() - b.path("start").asLong();
        }
        for (JsonNode child : n.path("children")) {
          beforeMillis.merge(child.asText(), before, Long::sum);
        }
      }
    }
    if (scenarios.isEmpty()) {
      return;
    }
    scenarios.sort((a, b) -> Long.compare(a.path("start").asLong(), b.path("start").asLong()));
    JsonNode first = scenarios.get(0);
    double harness = beforeMillis.getOrDefault(first.path("uuid").asText(), 0L) / 1000.0;
    double firstSeconds = (first.path("stop").asLong() - first.path("start").asLong()) / 1000.0 - harness;
    List<Double> rest = new ArrayList<>();
    for (JsonNode s : scenarios.subList(1, scenarios.size())) {
      rest.add((s.path("stop").asLong() - s.path("start").asLong()) / 1000.0);
    }
    rest.sort(null);
    int n = rest.size();
    double median = n == 0 ? 0 : n % 2 == 1 ? rest.get(n / 2) : (rest.get(n / 2 - 1) + rest.get(n / 2)) / 2;
    System.out.println(String.format(Locale.ROOT, "[linkwright] phases: harness start %.2f s (one after the other, in the"
        + " first scenario's Before hook); first scenario %.2f s; the rest %.2f s a scenario (median of %d)",
        harness, firstSeconds, median, n));
  }
}
