package io.github.deepcleermock.mock.media;

import io.github.deepcleermock.mock.simulation.RiskLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The placeholder media result callbacks link to, generated with the JDK only: a PNG per frame with its number and
 * verdict drawn on a background of the verdict's colour, and a WAV per audio segment, a tone whose pitch says the
 * verdict (PASS 440 Hz, REVIEW 660 Hz, REJECT 880 Hz). Pure functions of their arguments.
 */
public final class Media {

  /** Frame pictures are this wide and high. */
  public static final int WIDTH = 320;
  public static final int HEIGHT = 180;
  private static final float SAMPLE_RATE = 8000f;

  private Media() {}

  /** A PNG of frame {@code n} with its verdict. */
  public static byte[] framePng(long n, RiskLevel verdict) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    int background = switch (verdict) {
      case PASS -> 0x2E7D32;
      case REVIEW -> 0xEF6C00;
      case REJECT -> 0xC62828;
    };
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        image.setRGB(x, y, background);
      }
    }
    PixelFont.draw(image, "FRAME #" + n, 16, 40, 4, 0xFFFFFF);
    PixelFont.draw(image, verdict.name(), 16, 100, 4, 0xFFFFFF);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A mono 8 kHz 8-bit WAV of {@code seconds} seconds, its tone set by the verdict. */
  public static byte[] segmentWav(RiskLevel verdict, int seconds) {
    double pitch = switch (verdict) {
      case PASS -> 440;
      case REVIEW -> 660;
      case REJECT -> 880;
    };
    int samples = (int) SAMPLE_RATE * seconds;
    byte[] pcm = new byte[samples];
    for (int i = 0; i < samples; i++) {
      pcm[i] = (byte) (Math.sin(2 * Math.PI * pitch * i / SAMPLE_RATE) * 60);
    }
    AudioFormat format = new AudioFormat(SAMPLE_RATE, 8, 1, true, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
