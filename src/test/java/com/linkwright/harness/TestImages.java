package com.linkwright.harness;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The test images declared in fixtures/media/images.json, made on first use in a run into target/test-images/ (small to
 * describe, big to store: an 8 MB JPEG is a line of JSON). Safe to call from scenarios running side by side.
 */
public final class TestImages {
  private static final Path DECLARED = Path.of("fixtures", "media", "images.json");
  private static final Path OUT = Path.of("target", "test-images");
  private static Map<String, Declared> declared;
  /** Made afresh once per run, so that an edited declaration never meets last run's file. */
  private static final java.util.Set<String> made = new java.util.HashSet<>();

  private TestImages() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Declared(@JsonProperty("name") String name, @JsonProperty("format") String format,
                  @JsonProperty("width") int width, @JsonProperty("height") int height,
                  @JsonProperty("pad_to_bytes") long padToBytes, @JsonProperty("corrupt") boolean corrupt) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record ImagesFile(@JsonProperty("images") List<Declared> images) {}

  /** The file for a declared image, made now if this run has not made it yet. */
  public static synchronized Path path(String name) {
    Declared d = declared().get(name);
    if (d == null) {
      throw new IllegalArgumentException("No test image '" + name + "' in " + DECLARED + ". Declared: "
          + String.join(", ", declared().keySet()));
    }
    Path file = OUT.resolve(name);
    if (!made.contains(name)) {
      try {
        Files.createDirectories(OUT);
        Path tmp = Files.createTempFile(OUT, name, ".part");
        Files.write(tmp, bytes(d));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        made.add(name);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not make the test image " + file + ": " + e.getMessage(), e);
      }
    }
    return file;
  }

  static byte[] bytes(Declared d) throws IOException {
    if (d.corrupt()) {
      byte[] b = new byte[4096];
      Arrays.fill(b, (byte) 0x5A);
      b[0] = (byte) 0xFF;
      b[1] = (byte) 0xD8;
      b[2] = (byte) 0xFF;
      return b;
    }
    BufferedImage image = new BufferedImage(d.width(), d.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0xF5, 0x85, 0x29), d.width(), d.height(), new Color(0x83, 0x3A, 0xB4)));
    g.fillRect(0, 0, d.width(), d.height());
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String writer = switch (d.format()) {
      case "jpeg" -> "jpg";
      case "png", "gif", "bmp", "tiff" -> d.format();
      default -> throw new IllegalArgumentException("Test image '" + d.name() + "': unknown format '" + d.format() + "'");
    };
    if (!ImageIO.write(image, writer, out)) {
      throw new IllegalStateException("This JDK cannot write " + d.format() + " (test image '" + d.name() + "')");
    }
    byte[] b = out.toByteArray();
    if (d.padToBytes() > 0) {
      if (d.padToBytes() < b.length) {
        throw new IllegalArgumentException("Test image '" + d.name() + "' is already " + b.length + " bytes, more than pad_to_bytes");
      }
      b = Arrays.copyOf(b, Math.toIntExact(d.padToBytes()));
    }
    return b;
  }

  private static Map<String, Declared> declared() {
    if (declared == null) {
      try {
        Map<String, Declared> byName = new LinkedHashMap<>();
        new ObjectMapper().readValue(DECLARED.toFile(), ImagesFile.class).images().forEach(d -> byName.put(d.name(), d));
        declared = byName;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the test images declared in " + DECLARED + ": " + e.getMessage(), e);
      }
    }
    return declared;
  }
}
