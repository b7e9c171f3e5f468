package io.github.deepcleermock.mock.media;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * A 5×7 pixel font for the few characters frame pictures need, drawn pixel by pixel: headless JDKs often have no
 * font files, and {@code Graphics2D.drawString} then fails, so the pictures use no system font.
 */
final class PixelFont {

  private static final Map<Character, String[]> GLYPHS = Map.ofEntries(
      Map.entry('0', new String[] {"01110", "10001", "10011", "10101", "11001", "10001", "01110"}),
      Map.entry('1', new String[] {"00100", "01100", "00100", "00100", "00100", "00100", "01110"}),
      Map.entry('2', new String[] {"01110", "10001", "00001", "00010", "00100", "01000", "11111"}),
      Map.entry('3', new String[] {"11110", "00001", "00001", "01110", "00001", "00001", "11110"}),
      Map.entry('4', new String[] {"00010", "00110", "01010", "10010", "11111", "00010", "00010"}),
      Map.entry('5', new String[] {"11111", "10000", "11110", "00001", "00001", "10001", "01110"}),
      Map.entry('6', new String[] {"00110", "01000", "10000", "11110", "10001", "10001", "01110"}),
      Map.entry('7', new String[] {"11111", "00001", "00010", "00100", "01000", "01000", "01000"}),
      Map.entry('8', new String[] {"01110", "10001", "10001", "01110", "10001", "10001", "01110"}),
      Map.entry('9', new String[] {"01110", "10001", "10001", "01111", "00001", "00010", "01100"}),
      Map.entry('A', new String[] {"01110", "10001", "10001", "11111", "10001", "10001", "10001"}),
      Map.entry('C', new String[] {"01110", "10001", "10000", "10000", "10000", "10001", "01110"}),
      Map.entry('E', new String[] {"11111", "10000", "10000", "11110", "10000", "10000", "11111"}),
      Map.entry('F', new String[] {"11111", "10000", "10000", "11110", "10000", "10000", "10000"}),
      Map.entry('I', new String[] {"01110", "00100", "00100", "00100", "00100", "00100", "01110"}),
      Map.entry('J', new String[] {"00111", "00010", "00010", "00010", "00010", "10010", "01100"}),
      Map.entry('M', new String[] {"10001", "11011", "10101", "10101", "10001", "10001", "10001"}),
      Map.entry('P', new String[] {"11110", "10001", "10001", "11110", "10000", "10000", "10000"}),
      Map.entry('R', new String[] {"11110", "10001", "10001", "11110", "10100", "10010", "10001"}),
      Map.entry('S', new String[] {"01111", "10000", "10000", "01110", "00001", "00001", "11110"}),
      Map.entry('T', new String[] {"11111", "00100", "00100", "00100", "00100", "00100", "00100"}),
      Map.entry('V', new String[] {"10001", "10001", "10001", "10001", "10001", "01010", "00100"}),
      Map.entry('W', new String[] {"10001", "10001", "10001", "10101", "10101", "10101", "01010"}),
      Map.entry('#', new String[] {"01010", "01010", "11111", "01010", "11111", "01010", "01010"}),
      Map.entry(' ', new String[] {"00000", "00000", "00000", "00000", "00000", "00000", "00000"}));

  private PixelFont() {}

  /** Draws {@code text} (unknown characters as blanks) with its top-left corner at x, y, each pixel scale² big. */
  static void draw(BufferedImage image, String text, int x, int y, int scale, int rgb) {
    int cursor = x;
    for (char c : text.toCharArray()) {
      String[] glyph = GLYPHS.getOrDefault(Character.toUpperCase(c), GLYPHS.get(' '));
      for (int row = 0; row < glyph.length; row++) {
        for (int col = 0; col < 5; col++) {
          if (glyph[row].charAt(col) == '1') {
            fill(image, cursor + col * scale, y + row * scale, scale, rgb);
          }
        }
      }
      cursor += 6 * scale;
    }
  }

  private static void fill(BufferedImage image, int x, int y, int size, int rgb) {
    for (int dy = 0; dy < size; dy++) {
      for (int dx = 0; dx < size; dx++) {
        if (x + dx < image.getWidth() && y + dy < image.getHeight()) {
          image.setRGB(x + dx, y + dy, rgb);
        }
      }
    }
  }
}
