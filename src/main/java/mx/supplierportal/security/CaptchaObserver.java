package mx.supplierportal.security;

/**
 * Told the answers of every new CAPTCHA. No implementation exists in the application: only tests register one (to
 * type the answer as a person reading the image would), so no profile — demo or production — can reach it.
 */
public interface CaptchaObserver {

    void created(String challengeId, String words, String digits);
}
