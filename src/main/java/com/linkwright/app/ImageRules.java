package com.linkwright.app;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Instagram's rules for a feed image, checked on the bytes the server received (never on what a browser claims):
 * at most 8 MB (media guidelines), a format Instagram takes, a readable file, at least 1080 px wide (the linking
 * guide's rule; the media guidelines' 320 px is looser) and an aspect ratio from 4:5 (0.8) to 1.91:1, both included.
 *
 * <p>Formats: Instagram's publishing API takes JPEG only; Ayrshare's guidelines take JPG, PNG and GIF (a GIF posts as a
 * still). So PNG and GIF are accepted and turned into a JPEG here before Instagram sees them; anything else
 * (BMP, WebP, TIFF, HEIC...) is refused.
 *
 * <p>Codes: Ayrshare's catalog numbers for these refusals could not be found (meta-oauth-facts 1.5), so the numbers
 * 361 to 365 are the reference app's own; 156 ("not linked") is Ayrshare's.
 */
public final class ImageRules {
  public static final int MIN_WIDTH = 1080;
  public static final long MAX_BYTES = 8L * 1024 * 1024;
  public static final int CODE_TOO_LARGE = 361;
  public static final int CODE_FORMAT = 362;
  public static final int CODE_UNREADABLE = 363;
  public static final int CODE_TOO_NARROW = 364;
  public static final int CODE_ASPECT_RATIO = 365;

  private ImageRules() {}

  /** What the rules made of an upload. */
  public sealed interface Verdict permits Accepted, Refused {}

  /** Fit for Instagram: {@code jpeg} is what Instagram gets (the upload itself, or a JPEG made from a PNG or GIF). */
  public record Accepted(String format, int width, int height, byte[] jpeg) implements Verdict {}

  /** Not fit: Ayrshare's error code and a message a person understands. */
  public record Refused(int code, String message) implements Verdict {}

  public static Verdict check(byte[] bytes) {
    return check(bytes, MIN_WIDTH);
  }

  /** With another minimum width: only for the IMAGE_WIDTH_OFF_BY_ONE regression. */
  static Verdict check(byte[] bytes, int minWidth) {
    if (bytes == null || bytes.length == 0) {
      return new Refused(CODE_UNREADABLE, "No image was received. Choose a JPEG, PNG or GIF image to post.");
    }
    if (bytes.length > MAX_BYTES) {
      return new Refused(CODE_TOO_LARGE, String.format(Locale.ROOT,
          "The image is %.1f MB. Instagram takes images up to 8 MB: make it smaller and try again.", bytes.length / 1024.0 / 1024.0));
    }
    String format = sniff(bytes);
    if (format == null) {
      return new Refused(CODE_UNREADABLE, "The file could not be read as an image: it may be damaged, or not an image at all.");
    }
    if (!format.equals("JPEG") && !format.equals("PNG") && !format.equals("GIF")) {
      return new Refused(CODE_FORMAT, format + " images can't be posted to Instagram. Save the image as a JPEG (or PNG or GIF) and try again.");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      image = null;
    }
    if (image == null) {
      return new Refused(CODE_UNREADABLE, "The file could not be read as a " + format
          + " image: it may be damaged. Export it again and try once more.");
    }
    int w = image.getWidth();
    int h = image.getHeight();
    if (w < minWidth) {
      return new Refused(CODE_TOO_NARROW, "The image is " + w + " pixels wide. Instagram needs images at least "
          + MIN_WIDTH + " pixels wide.");
    }
    // 4:5 <= w:h <= 1.91:1, in whole numbers so that the edges are exact
    if (5L * w < 4L * h || 100L * w > 191L * h) {
      return new Refused(CODE_ASPECT_RATIO, String.format(Locale.ROOT,
          "The image is %d × %d pixels, an aspect ratio of %.3f:1. Instagram takes aspect ratios from 4:5 (0.8:1, portrait) to 1.91:1 (landscape).",
          w, h, (double) w / h));
    }
    return new Accepted(format, w, h, format.equals("JPEG") ? bytes : toJpeg(image));
  }

  /** The format by the file's first bytes (its name and declared type are the client's word, not the file's). */
  static String sniff(byte[] b) {
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return "JPEG";
    }
    if (starts(b, 0x89, 'P', 'N', 'G')) {
      return "PNG";
    }
    if (starts(b, 'G', 'I', 'F', '8')) {
      return "GIF";
    }
    if (starts(b, 'B', 'M')) {
      return "BMP";
    }
    if (starts(b, 'I', 'I', 0x2A, 0x00) || starts(b, 'M', 'M', 0x00, 0x2A)) {
      return "TIFF";
    }
    if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
      return "WebP";
    }
    if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p' && b[8] == 'h' && b[9] == 'e') {
      return "HEIC";
    }
    return null;
  }

  private static boolean starts(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] toJpeg(BufferedImage image) {
    // JPEG has no transparency: flatten onto white, as Instagram shows it
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
    g.drawImage(image, 0, 0, null);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(rgb, "jpg", out);
    } catch (IOException e) {
      throw new IllegalStateException("Could not write a JPEG in memory", e);
    }
    return out.toByteArray();
  }
}
