package com.linkwright.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

// the slowest class (it encodes and decodes real images): started first, its cases side by side (they share nothing)
@Order(1)
@Execution(ExecutionMode.CONCURRENT)
class ImageRulesTest {

  @ParameterizedTest(name = "{0} x {1} {2}: accepted={3}")
  @CsvSource({
      "1080, 1080, jpg, true",
      "1079, 1079, jpg, false",
      "1080, 1350, jpg, true",   // exactly 4:5
      "1080, 1351, jpg, false",  // just taller than 4:5
      "1910, 1000, jpg, true",   // exactly 1.91:1
      "1911, 1000, jpg, false",  // just wider than 1.91:1
      "1080, 1080, png, true",
      "1080, 1080, gif, true",
      "1079, 1349, png, false"})
  void widthAndAspectRatioEdges(int width, int height, String format, boolean accepted) throws IOException {
    ImageRules.Verdict verdict = ImageRules.check(image(width, height, format));
    assertThat(verdict).isInstanceOf(accepted ? ImageRules.Accepted.class : ImageRules.Refused.class);
  }

  @Test
  void tooNarrowSaysHowWideItIsAndWhatIsNeeded() throws IOException {
    ImageRules.Refused refused = (ImageRules.Refused) ImageRules.check(image(1079, 1079, "jpg"));
    assertThat(refused.code()).isEqualTo(ImageRules.CODE_TOO_NARROW);
    assertThat(refused.message()).isEqualTo("The image is 1079 pixels wide. Instagram needs images at least 1080 pixels wide.");
  }

  @Test
  void aspectRatioRefusalNamesTheRatioAndTheRange() throws IOException {
    ImageRules.Refused refused = (ImageRules.Refused) ImageRules.check(image(1911, 1000, "jpg"));
    assertThat(refused.code()).isEqualTo(ImageRules.CODE_ASPECT_RATIO);
    assertThat(refused.message()).contains("1911 × 1000 pixels", "1.911:1", "from 4:5 (0.8:1, portrait) to 1.91:1");
  }

  @Test
  void eightMegabytesExactlyIsAcceptedOneByteMoreIsNot() throws IOException {
    byte[] jpeg = image(1080, 1080, "jpg");
    assertThat(ImageRules.check(Arrays.copyOf(jpeg, (int) ImageRules.MAX_BYTES))).isInstanceOf(ImageRules.Accepted.class);
    ImageRules.Verdict over = ImageRules.check(Arrays.copyOf(jpeg, (int) ImageRules.MAX_BYTES + 1));
    assertThat(over).isEqualTo(new ImageRules.Refused(ImageRules.CODE_TOO_LARGE,
        "The image is 8.0 MB. Instagram takes images up to 8 MB: make it smaller and try again."));
  }

  @ParameterizedTest
  @CsvSource({"bmp, BMP", "tiff, TIFF"})
  void formatsInstagramDoesNotTakeAreRefusedByName(String format, String named) throws IOException {
    ImageRules.Refused refused = (ImageRules.Refused) ImageRules.check(image(1080, 1080, format));
    assertThat(refused.code()).isEqualTo(ImageRules.CODE_FORMAT);
    assertThat(refused.message()).startsWith(named + " images can't be posted to Instagram");
  }

  @Test
  void webpIsKnownByItsBytesAndRefused() {
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(((ImageRules.Refused) ImageRules.check(webp)).code()).isEqualTo(ImageRules.CODE_FORMAT);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "RIFF....WEBP, 362",   // WebP, at its shortest
      "RIFF....WEB, 363",    // one byte short
      "RIFF....XEBP, 363", "RIFF....WXBP, 363", "RIFF....WEXP, 363", "RIFF....WEBX, 363", "RIFF....WAVE, 363", "RIFX....WEBP, 363",
      "....ftypheic, 362",   // HEIC
      "....ftyphe, 363",
      "....Xtypheic, 363", "....fXypheic, 363", "....ftXpheic, 363", "....ftyXheic, 363", "....ftypXeic, 363", "....ftyphXic, 363",
      "....ftypmif1, 363"})
  void aFormatIsKnownByAllOfItsSignatureNotByPartOfIt(String bytes, int code) {
    ImageRules.Refused refused = (ImageRules.Refused) ImageRules.check(bytes.replace('.', '\0').getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(refused.code()).isEqualTo(code);
    if (code == ImageRules.CODE_FORMAT) {
      assertThat(refused.message()).matches("(WebP|HEIC) images can't be posted to Instagram.*");
    }
  }

  @Test
  void aCorruptOrEmptyFileIsRefusedAsUnreadable() {
    byte[] corrupt = new byte[2048];
    Arrays.fill(corrupt, (byte) 0x5A);
    corrupt[0] = (byte) 0xFF;
    corrupt[1] = (byte) 0xD8;
    corrupt[2] = (byte) 0xFF;
    assertThat(((ImageRules.Refused) ImageRules.check(corrupt)).code()).isEqualTo(ImageRules.CODE_UNREADABLE);
    assertThat(((ImageRules.Refused) ImageRules.check(new byte[0])).code()).isEqualTo(ImageRules.CODE_UNREADABLE);
    assertThat(((ImageRules.Refused) ImageRules.check("just text".getBytes())).code()).isEqualTo(ImageRules.CODE_UNREADABLE);
  }

  @Test
  void aPngIsHandedToInstagramAsAJpegOfTheSameSize() throws IOException {
    ImageRules.Accepted accepted = (ImageRules.Accepted) ImageRules.check(image(1080, 1350, "png"));
    assertThat(accepted.format()).isEqualTo("PNG");
    assertThat(ImageRules.sniff(accepted.jpeg())).isEqualTo("JPEG");
    BufferedImage back = ImageIO.read(new java.io.ByteArrayInputStream(accepted.jpeg()));
    assertThat(back.getWidth()).isEqualTo(1080);
    assertThat(back.getHeight()).isEqualTo(1350);
  }

  @Test
  void aJpegIsHandedOverUntouched() throws IOException {
    byte[] jpeg = image(1080, 1080, "jpg");
    assertThat(((ImageRules.Accepted) ImageRules.check(jpeg)).jpeg()).isSameAs(jpeg);
  }

  @Test
  void nothingReceivedIsRefusedAsNoImage() {
    assertThat(ImageRules.check(null)).isEqualTo(new ImageRules.Refused(363,
        "No image was received. Choose a JPEG, PNG or GIF image to post."));
    assertThat(ImageRules.check(new byte[0])).isEqualTo(ImageRules.check(null));
  }

  @Test
  void aFileShorterThanAnySignatureIsUnreadableNotACrash() {
    assertThat(((ImageRules.Refused) ImageRules.check(new byte[] {(byte) 0xFF, (byte) 0xD8})).code()).isEqualTo(363);
    assertThat(((ImageRules.Refused) ImageRules.check(new byte[] {(byte) 0x89})).code()).isEqualTo(363);
    assertThat(ImageRules.sniff(new byte[] {'B', 'M'})).isEqualTo("BMP");
    assertThat(ImageRules.sniff(new byte[] {'B'})).isNull();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
      "'II*\u0000', TIFF",
      "'MM\u0000*', TIFF",
      "'RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', WebP",
      "'\u0000\u0000\u0000\u0018ftypheic\u0000\u0000', HEIC",
      "'GIF87a', GIF"})
  void formatsAreKnownByTheirFirstBytes(String start, String format) {
    assertThat(ImageRules.sniff(start.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))).isEqualTo(format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"RIFF\u0000\u0000\u0000\u0000WAVEfmt ", "RIFF\u0000\u0000\u0000\u0000WEB", "\u0000\u0000\u0000\u0018ftypmp42\u0000\u0000",
      "\u0000\u0000\u0000\u0018ftyphe", "II*", "MM\u0000+"})
  void lookalikesAreNotTakenForAnImageFormat(String start) {
    byte[] bytes = start.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(ImageRules.sniff(bytes)).isNull();
    assertThat(((ImageRules.Refused) ImageRules.check(bytes)).code()).isEqualTo(363);
  }

  @Test
  void heicIsRefusedByName() {
    byte[] heic = "\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(ImageRules.check(heic)).isEqualTo(new ImageRules.Refused(362,
        "HEIC images can't be posted to Instagram. Save the image as a JPEG (or PNG or GIF) and try again."));
  }

  @Test
  void aTransparentPngIsFlattenedOntoWhiteAsInstagramShowsIt() throws IOException {
    BufferedImage clear = new BufferedImage(1080, 1080, BufferedImage.TYPE_INT_ARGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(clear, "png", png);
    ImageRules.Accepted accepted = (ImageRules.Accepted) ImageRules.check(png.toByteArray());
    BufferedImage jpeg = ImageIO.read(new java.io.ByteArrayInputStream(accepted.jpeg()));
    java.awt.Color pixel = new java.awt.Color(jpeg.getRGB(540, 540));
    assertThat(pixel.getRed() + pixel.getGreen() + pixel.getBlue()).as("white, not black").isGreaterThan(3 * 245);
  }

  @ParameterizedTest(name = "{0} x {1}: accepted={2}")
  @CsvSource({
      "2000, 1047, false",  // 1.9102:1, just wider than 1.91
      "2000, 1048, true",   // 1.908:1
      "1080, 1349, true",   // 0.8006:1, just inside 4:5
      "1200, 1500, true",   // exactly 4:5 at another size
      "1200, 1501, false",
      "3820, 2000, true",   // exactly 1.91:1 at another size
      "3821, 2000, false"})
  void theAspectRatioEdgesHoldAtEverySize(int width, int height, boolean accepted) throws IOException {
    assertThat(ImageRules.check(image(width, height, "jpg"))).isInstanceOf(accepted ? ImageRules.Accepted.class : ImageRules.Refused.class);
  }

  static byte[] image(int width, int height, String format) throws IOException {
    // each format's own pixel layout, which its writer takes as it is: a GIF is a palette (from RGB the writer
    // quantizes every pixel, about a second for 1080 x 1080 here), a JPEG three bytes a pixel
    int type = switch (format) {
      case "gif" -> BufferedImage.TYPE_BYTE_INDEXED;
      case "jpg" -> BufferedImage.TYPE_3BYTE_BGR;
      default -> BufferedImage.TYPE_INT_RGB;
    };
    BufferedImage image = new BufferedImage(width, height, type);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).as("JDK writes " + format).isTrue();
    return out.toByteArray();
  }
}
