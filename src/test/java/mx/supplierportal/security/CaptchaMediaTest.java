package mx.supplierportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/** What the CAPTCHA draws and says, without the application around it. */
class CaptchaMediaTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void theImageIsAReadablePngWithInkOnIt() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(CaptchaImage.draw("zo vikanu", random)));
        assertThat(image.getWidth()).isEqualTo(280);
        assertThat(image.getHeight()).isEqualTo(80);
        Set<Integer> colours = new HashSet<>();
        int dark = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                if (((rgb >> 16) & 0xFF) < 120 && ((rgb >> 8) & 0xFF) < 120) {
                    dark++;
                }
            }
        }
        assertThat(colours).hasSizeGreaterThan(50);
        assertThat(dark).as("the letters are drawn").isGreaterThan(600);
    }

    @Test
    void theSameDigitsSoundDifferentInSpanishAndEnglish() throws Exception {
        byte[] spanish = CaptchaAudio.say("12345678", "es", random);
        byte[] english = CaptchaAudio.say("12345678", "en", random);
        for (byte[] wav : new byte[][] {spanish, english}) {
            try (AudioInputStream audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
                assertThat(audio.getFormat().getSampleRate()).isEqualTo(8000f);
                assertThat((double) (audio.getFrameLength() / audio.getFormat().getFrameRate())).isBetween(5.0, 15.0);
            }
        }
        // each digit is its language's recording: "uno" is not "one"
        assertThat(CaptchaAudio.say("1", "es", new java.util.Random(1)))
                .isNotEqualTo(CaptchaAudio.say("1", "en", new java.util.Random(1)));
        assertThat(CaptchaAudio.say("1", "es", new java.util.Random(1)))
                .isEqualTo(CaptchaAudio.say("1", "es", new java.util.Random(1)));
    }

    @Test
    void answersAreComparedWithoutCaseAccentsOrSpaces() {
        assertThat(Captchas.normalize("  Zoé  VIKANU ")).isEqualTo("zoevikanu");
        assertThat(Captchas.normalize("1234 5678")).isEqualTo("12345678");
    }
}
