package mx.supplierportal.security;

import java.security.SecureRandom;

/**
 * What one CAPTCHA challenge costs the server: drawing its image and assembling its audio (the two dominate
 * {@link Captchas#create}; the row insert is not included). One thread, after a warm-up.
 * <p>
 * {@code ./mvnw -q test-compile && java -cp target/classes:target/test-classes
 * mx.supplierportal.security.CaptchaBenchmark 1000} (the image and the audio need only the JDK and the bundled
 * resources).
 */
public final class CaptchaBenchmark {

    private CaptchaBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 100; i++) {
            CaptchaImage.draw("zo vikanu", random);
            CaptchaAudio.say("12345678", "es", random);
        }
        long imageNanos = 0;
        long audioNanos = 0;
        long bytes = 0;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            bytes += CaptchaImage.draw("ba" + (char) ('a' + i % 26) + "o tunemi", random).length;
            long middle = System.nanoTime();
            bytes += CaptchaAudio.say(String.format("%08d", i), i % 2 == 0 ? "es" : "en", random).length;
            long end = System.nanoTime();
            imageNanos += middle - start;
            audioNanos += end - middle;
        }
        System.out.printf("image %.2f ms, audio %.2f ms per challenge; %.0f KB stored per challenge (%d rounds)%n",
                imageNanos / 1e6 / rounds, audioNanos / 1e6 / rounds, bytes / 1024.0 / rounds, rounds);
    }
}
