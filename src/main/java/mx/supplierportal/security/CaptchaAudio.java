package mx.supplierportal.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The spoken CAPTCHA: its digits said one by one in Spanish or English, assembled on the server from bundled
 * recordings (8 kHz mono PCM), with pauses of varying length and a low hiss between them, written as 8 kHz µ-law WAV.
 * No outside service.
 */
final class CaptchaAudio {

    private static final Map<String, byte[][]> DIGITS = new HashMap<>();
    private static final AudioFormat FORMAT = new AudioFormat(8000f, 16, 1, true, false);

    static {
        for (String language : new String[] {"es", "en"}) {
            byte[][] digits = new byte[10][];
            for (int d = 0; d < 10; d++) {
                digits[d] = pcm("captcha/" + language + "-" + d + ".wav");
            }
            DIGITS.put(language, digits);
        }
    }

    private CaptchaAudio() {
    }

    /** A WAV file saying {@code digits} in {@code language} ("es" or "en"). */
    static byte[] say(String digits, String language, RandomGenerator random) {
        byte[][] voice = DIGITS.getOrDefault(language, DIGITS.get("es"));
        ByteArrayOutputStream samples = new ByteArrayOutputStream();
        hiss(samples, 4000, random);
        for (char c : digits.toCharArray()) {
            byte[] digit = voice[c - '0'];
            samples.write(digit, 0, digit.length);
            hiss(samples, 2400 + random.nextInt(2400), random); // 0.3 to 0.6 s
        }
        byte[] pcm = samples.toByteArray();
        ByteArrayOutputStream wav = new ByteArrayOutputStream();
        try {
            // G.711 µ-law, 8 bits a sample: half the size of PCM, as telephones say digits
            AudioInputStream linear = new AudioInputStream(new ByteArrayInputStream(pcm), FORMAT, pcm.length / 2);
            AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8000f, 8, 1, 1, 8000f, false);
            AudioSystem.write(AudioSystem.getAudioInputStream(ulaw, linear), AudioFileFormat.Type.WAVE, wav);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return wav.toByteArray();
    }

    private static void hiss(ByteArrayOutputStream out, int samples, RandomGenerator random) {
        for (int i = 0; i < samples; i++) {
            int value = random.nextInt(301) - 150;
            out.write(value & 0xFF);
            out.write((value >> 8) & 0xFF);
        }
    }

    private static byte[] pcm(String resource) {
        try (InputStream in = CaptchaAudio.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            try (AudioInputStream audio = AudioSystem.getAudioInputStream(new java.io.BufferedInputStream(in))) {
                if (!audio.getFormat().matches(FORMAT)) {
                    throw new IllegalStateException(resource + " is not 8 kHz mono 16-bit PCM: " + audio.getFormat());
                }
                return audio.readAllBytes();
            }
        } catch (IOException | UnsupportedAudioFileException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
