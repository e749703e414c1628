package com.linkwright.harness.guide;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data inside an Allure single-file report: it embeds every file of the report (data/test-cases/*.json,
 * data/categories.json, history/*.json, ...) as {@code d('path','base64')}.
 */
public final class AllureSingleFile {
  private AllureSingleFile() {}

  /** Every embedded file whose path starts with {@code prefix}, by path. */
  public static Map<String, byte[]> files(Path singleFile, String prefix) throws IOException {
    // a plain scan, not a regular expression: the file is megabytes of base64
    String html = Files.readString(singleFile);
    String opening = "d('" + prefix;
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int at = html.indexOf(opening); at >= 0; at = html.indexOf(opening, at + 1)) {
      int pathEnd = html.indexOf("','", at + 3);
      int dataEnd = pathEnd < 0 ? -1 : html.indexOf("')", pathEnd + 3);
      if (dataEnd < 0) {
        break;
      }
      files.put(html.substring(at + 3, pathEnd), Base64.getDecoder().decode(html.substring(pathEnd + 3, dataEnd)));
    }
    return files;
  }
}
