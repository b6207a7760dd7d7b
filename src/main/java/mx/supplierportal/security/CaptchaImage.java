package mx.supplierportal.security;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;

/**
 * Draws a CAPTCHA's words as a PNG a person can read and a simple program cannot: each letter turned and raised
 * on its own, the line waved, crossing strokes and speckles. The font is bundled (DejaVu Sans Bold), so the image is
 * the same on any machine.
 */
final class CaptchaImage {

    static final int WIDTH = 280;
    static final int HEIGHT = 80;
    private static final Font FONT = load();

    private CaptchaImage() {
    }

    static byte[] draw(String words, RandomGenerator random) {
        BufferedImage straight = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = straight.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xF4, 0xF6, 0xF8));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int x = 14;
        for (char c : words.toCharArray()) {
            if (c == ' ') {
                x += 16;
                continue;
            }
            Font font = FONT.deriveFont(28f + random.nextInt(8));
            AffineTransform turn = new AffineTransform();
            turn.rotate((random.nextDouble() - 0.5) * 0.7);
            g.setFont(font.deriveFont(turn));
            g.setColor(new Color(20 + random.nextInt(60), 30 + random.nextInt(60), 60 + random.nextInt(80)));
            g.drawString(String.valueOf(c), x, 48 + random.nextInt(14) - 7);
            x += g.getFontMetrics(font).charWidth(c) - 1;
        }
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < 3; i++) {
            g.setColor(new Color(60 + random.nextInt(100), 60 + random.nextInt(100), 60 + random.nextInt(100)));
            g.drawArc(random.nextInt(WIDTH / 2), random.nextInt(HEIGHT / 2), WIDTH / 2 + random.nextInt(WIDTH / 2),
                    HEIGHT / 2 + random.nextInt(HEIGHT), random.nextInt(360), 90 + random.nextInt(180));
        }
        g.dispose();
        // wave the whole line: each column moves up or down along a sine of random phase
        BufferedImage waved = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        double phase = random.nextDouble() * Math.PI * 2;
        double period = 40 + random.nextInt(30);
        for (int col = 0; col < WIDTH; col++) {
            int shift = (int) Math.round(Math.sin(col / period * Math.PI * 2 + phase) * 5);
            for (int row = 0; row < HEIGHT; row++) {
                int from = Math.min(HEIGHT - 1, Math.max(0, row + shift));
                waved.setRGB(col, row, straight.getRGB(col, from));
            }
        }
        for (int i = 0; i < 350; i++) {
            int grey = 90 + random.nextInt(120);
            waved.setRGB(random.nextInt(WIDTH), random.nextInt(HEIGHT), new Color(grey, grey, grey).getRGB());
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(waved, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static Font load() {
        try (InputStream in = CaptchaImage.class.getResourceAsStream("captcha/DejaVuSans-Bold.ttf")) {
            if (in == null) {
                throw new IllegalStateException("missing resource captcha/DejaVuSans-Bold.ttf");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load the CAPTCHA font", e);
        }
    }
}
