package mx.supplierportal.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mx.supplierportal.security.CaptchaObserver;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The tests' eyes and ears for CAPTCHAs: remembers the answers of every challenge the application creates (only
 * tests register a {@link CaptchaObserver}), so a test can type them as a person reading the image would.
 */
public final class TestCaptchas implements CaptchaObserver {

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        TestCaptchas testCaptchas() {
            return new TestCaptchas();
        }
    }

    private final Map<String, String[]> answers = new ConcurrentHashMap<>();

    @Override
    public void created(String challengeId, String words, String digits) {
        answers.put(challengeId, new String[] {words, digits});
    }

    public String wordsOf(String challengeId) {
        return answers.get(challengeId)[0];
    }

    public String digitsOf(String challengeId) {
        return answers.get(challengeId)[1];
    }
}
