package mx.supplierportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mx.supplierportal.support.Browser;
import mx.supplierportal.support.BrowserJourney;
import mx.supplierportal.support.Pdf;
import mx.supplierportal.support.TestMail;
import org.junit.jupiter.api.Test;

/**
 * "Crear cuenta" as a business that nobody invited takes it, in Chromium: the four steps from the sign-in page, the
 * code from the email, the portal's PayPal sandbox, the account with its stamps; a second business chooses a bank
 * deposit and uploads its proof; and password recovery with its CAPTCHA. Screenshots at 1280 and 390 px.
 */
class SelfRegistrationJourneyTest extends BrowserJourney {

    private static final Pattern CODE = Pattern.compile("\\b[0-9A-Z]{40}\\b");
    private static final String PASSWORD = "timbres para mi negocio 9";

    @Test
    void aBusinessSignsUpPaysWithPayPalAndRecoversItsPasswordWithTheCaptcha() {
        String email = "journey-timbra-" + unique() + "@empresa.test";
        String rfc = newRfc();
        Page page = browser.newPage(baseUrl());
        page.navigate("/login");
        page.locator("#create-account").click();

        // Step 1
        assertThat(page.locator("#signup-steps li.current")).containsText("Paso 1 – Crear una cuenta");
        page.getByLabel("RFC", new Page.GetByLabelOptions().setExact(true)).fill(rfc);
        page.getByLabel("Correo electrónico (este será tu usuario)").fill(email);
        page.getByLabel("Clave de acceso", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByLabel("Confirma la clave de acceso").fill("otra clave distinta 1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Crear Cuenta")).click();
        assertThat(page.getByText("Las dos contraseñas no coinciden")).isVisible();
        Browser.screenshot(page, "70-signup-step1-mismatch");
        page.getByLabel("Clave de acceso", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByLabel("Confirma la clave de acceso").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Crear Cuenta")).click();

        // Step 2: the code from the email
        assertThat(page.locator("#signup-steps li.current")).containsText("Paso 2 – Confirmar tu cuenta");
        assertThat(page.locator("#created")).containsText("La cuenta se creó: revise su correo.");
        Browser.screenshot(page, "71-signup-step2");
        runJobs();
        Matcher code = CODE.matcher(TestMail.text(onlyMailTo(email)));
        assertThat(code.find()).isTrue();
        page.getByLabel("Código de confirmación").fill("0".repeat(40));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmar Cuenta")).click();
        assertThat(page.locator("#outcome"))
                .hasText("No fue posible confirmar tu cuenta, tu código de confirmación es incorrecto.");
        page.getByLabel("Código de confirmación").fill(code.group());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmar Cuenta")).click();
        assertThat(page.locator("#confirmed")).containsText("Felicitaciones, tu cuenta ha sido confirmada.");
        assertThat(page.getByLabel("Correo electrónico")).hasValue(email);
        Browser.screenshot(page, "72-signup-confirmed-sign-in");
        page.getByLabel("Contraseña").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();

        // Step 3: company data and a series
        assertThat(page.locator("#signup-steps li.current")).containsText("Paso 3 – Configura tus datos de la empresa");
        page.getByLabel("Razón social (nombre, denominación o razón social)").fill("Timbres del Bajío");
        page.getByLabel("Régimen fiscal").selectOption("601");
        page.getByLabel("Domicilio fiscal (código postal)").fill("37000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar datos de la empresa")).click();
        assertThat(page.locator("#saved")).isVisible();
        page.locator("#serie").fill("F");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agregar serie")).click();
        assertThat(page.getByText("Serie F agregada.")).isVisible();
        Browser.screenshot(page, "73-signup-step3");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "73-signup-step3-390");
        page.setViewportSize(1280, 900);
        page.locator("#finish").click();

        // Step 4: PayPal (the portal's sandbox), 50 stamps
        assertThat(page.locator("#signup-steps li.current")).containsText("Paso 4 – Selecciona tu forma de pago");
        assertThat(page.getByText("PayPal es un simulador (sandbox). No se cobra nada.").first()).isVisible();
        Browser.screenshot(page, "74-signup-step4");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pagar con PayPal · 50")).click();
        page.locator("#continue-to-paypal").click();
        assertThat(page.locator("#sandbox-notice")).containsText("No es PayPal y no se cobra nada.");
        Browser.screenshot(page, "75-paypal-sandbox");
        page.locator("#sandbox-pay").click();
        assertThat(page.locator("#in-review")).containsText("Estamos confirmando su pago con PayPal");
        runJobs();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Actualizar")).click();
        assertThat(page.locator("#stamp-balance")).hasText("50");
        Browser.screenshot(page, "76-stamp-account");
        assertThat(TestMail.subject(lastMailTo(email))).isEqualTo("Su cuenta de timbrado está activa");

        // Recovery with the CAPTCHA
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerrar sesión")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("¿Olvidó su contraseña?")).click();
        page.getByLabel("Tu correo electrónico").fill(email);
        assertThat(page.locator("#captcha-image")).isVisible();
        assertThat(page.locator("#captcha-audio-link")).hasAttribute("href",
                Pattern.compile("/captcha/[A-Za-z0-9_-]{43}/audio"));
        page.locator("#captchaAnswer").fill("no se lee");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar enlace")).click();
        assertThat(page.locator("#captcha-alert"))
                .hasText("No coincide el texto de validación, por favor intenta de nuevo.");
        assertThat(page.getByLabel("Tu correo electrónico")).hasValue(email);
        page.locator(".captcha-help summary").click();
        Browser.screenshot(page, "77-recovery-captcha-wrong");
        String challenge = page.locator("input[name=captchaId]").inputValue();
        page.locator("#captchaAnswer").fill(testCaptchas.wordsOf(challenge).toUpperCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar enlace")).click();
        assertThat(page.locator("#requested")).isVisible();
        runJobs();
        assertThat(TestMail.subject(lastMailTo(email))).isEqualTo("Cambie su contraseña del portal de proveedores");
    }

    @Test
    void aSecondBusinessChoosesABankDepositAndSendsItsProof() {
        String email = "journey-deposito-" + unique() + "@empresa.test";
        Page page = browser.newPage(baseUrl());
        page.navigate("/signup");
        page.getByLabel("RFC", new Page.GetByLabelOptions().setExact(true)).fill(newRfc());
        page.getByLabel("Correo electrónico (este será tu usuario)").fill(email);
        page.getByLabel("Clave de acceso", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
        page.getByLabel("Confirma la clave de acceso").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Crear Cuenta")).click();
        runJobs();
        Matcher code = CODE.matcher(TestMail.text(onlyMailTo(email)));
        assertThat(code.find()).isTrue();
        page.navigate(pathOf(TestMail.link(onlyMailTo(email), "/signup/confirm")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirmar Cuenta")).click();
        page.getByLabel("Contraseña").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Entrar")).click();
        page.getByLabel("Razón social (nombre, denominación o razón social)").fill("Depósitos Norte");
        page.getByLabel("Régimen fiscal").selectOption("626");
        page.getByLabel("Domicilio fiscal (código postal)").fill("64000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Guardar datos de la empresa")).click();
        page.locator("#serie").fill("A");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agregar serie")).click();
        page.locator("#finish").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Depósito bancario · 200")).click();
        assertThat(page.locator("#deposit-reference")).hasText(Pattern.compile("RF[0-9]{2}TIM[0-9]{9}"));
        assertThat(page.locator("#deposit-amount")).hasText("800.00 MXN");
        Browser.screenshot(page, "78-deposit-details");
        page.setViewportSize(390, 844);
        Browser.screenshot(page, "78-deposit-details-390");
        page.setViewportSize(1280, 900);
        page.getByLabel("Comprobante del depósito").setInputFiles(new FilePayload("spei.pdf", "application/pdf",
                Pdf.withText("Transferencia SPEI")));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar comprobante")).click();
        assertThat(page.locator("#in-review")).containsText("Tesorería revisa su depósito");
        Browser.screenshot(page, "79-deposit-in-review");
    }
}
