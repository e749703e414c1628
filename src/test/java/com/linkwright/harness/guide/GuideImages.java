package com.linkwright.harness.guide;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A screenshot made small enough for a page that carries twenty of them: at most {@value #WIDTH} pixels wide, as a
 * JPEG, embedded as a data URI so that the guide stays one file. A phone shows it at its own width anyway.
 */
final class GuideImages {
  static final int WIDTH = 800;
  private static final float QUALITY = 0.78f;

  static {
    // ImageIO only: no window system wanted (this may run inside Maven's own JVM)
    System.setProperty("java.awt.headless", "true");
  }

  private GuideImages() {}

  static String dataUri(byte[] png) throws IOException {
    BufferedImage source = ImageIO.read(new ByteArrayInputStream(png));
    if (source == null) {
      throw new IOException("not an image Java can read");
    }
    int width = Math.min(WIDTH, source.getWidth());
    int height = Math.max(1, Math.round(source.getHeight() * (width / (float) source.getWidth())));
    // JPEG has no alpha: draw onto an opaque canvas (which also scales)
    BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(source, 0, 0, width, height, java.awt.Color.WHITE, null);
    g.dispose();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(jpeg)) {
      writer.setOutput(out);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(QUALITY);
      writer.write(null, new IIOImage(scaled, null, null), p);
    } finally {
      writer.dispose();
    }
    return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg.toByteArray());
  }
}
