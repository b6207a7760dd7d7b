package mx.supplierportal.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import jakarta.mail.internet.MimeMessage;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.SignupFixture;
import mx.supplierportal.support.TestClock;
import mx.supplierportal.support.TestCsds;
import mx.supplierportal.support.TestMail;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The optional CSD of step 3: SAT's test CSD is accepted and its key kept encrypted; an e.firma, another RFC's, an
 * expired certificate, a wrong password and a key of another certificate are each explained and nothing is kept;
 * the reminder is emailed 30 days before it expires.
 */
class CsdIntegrationTest extends IntegrationTest {

    @Autowired
    TestClock clock;
    @Autowired
    KeyVault vault;

    private Authentication business;
    private String email;

    @BeforeEach
    void accountOfTheTestCsdsRfc() throws Exception {
        clock.at(TestCsds.IN_FORCE);
        // SAT's test RFC may already have accounts from other tests: accounts are per email, several per RFC
        email = "csd-" + unique() + "@kemper.test";
        business = SignupFixture.confirmedAccount(this, TestCsds.RFC, email);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void satsTestCsdIsKeptWithItsKeyEncryptedAndARemindersIsScheduled() throws Exception {
        upload(TestCsds.satCer(), TestCsds.satKey(), TestCsds.PASSWORD).andExpect(redirectedUrl("/signup/company#csd"));
        mvc.perform(get("/signup/company").with(authentication(business)))
                .andExpect(content().string(containsString("CSD guardado: certificado 30001000000500003416, vigente del"
                        + " 18/05/2023 al 18/05/2027.")));
        long account = accountId();
        byte[] sealed = jdbc.queryForObject("select encrypted_key from signup_csd where account_id = ?", byte[].class,
                account);
        PrivateKey original = pemKey();
        assertThat(indexOf(sealed, original.getEncoded())).as("the key is not stored as it is").isEqualTo(-1);
        // what is kept signs what SAT's certificate verifies
        PrivateKey kept = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(vault.open(sealed,
                account)));
        Signature sign = Signature.getInstance("SHA256withRSA");
        sign.initSign(kept);
        sign.update("||4.0|A|1||".getBytes());
        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(satCertificate().getPublicKey());
        verify.update("||4.0|A|1||".getBytes());
        assertThat(verify.verify(sign.sign())).isTrue();

        // the reminder: 30 days before 18/05/2027
        String instance = jdbc.queryForObject("select process_instance_id from signup_csd where account_id = ?",
                String.class, account);
        Job timer = managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(satCertificate().getNotAfter().toInstant()
                .minus(Duration.ofDays(30)));
        managementService.executeJob(timer.getId());
        runJobs();
        MimeMessage reminder = lastMailTo(email);
        assertThat(TestMail.subject(reminder)).isEqualTo("Su CSD está por vencer");
        assertThat(TestMail.text(reminder)).contains("30001000000500003416 vence el 18/05/2027");

        // uploading it again replaces the reminder
        upload(TestCsds.satCer(), TestCsds.satKey(), TestCsds.PASSWORD);
        assertThat(jdbc.queryForObject("select process_instance_id from signup_csd where account_id = ?",
                String.class, account)).isNotEqualTo(instance);
    }

    @Test
    void aWrongCsdIsExplainedAndNothingIsKept() throws Exception {
        Instant now = TestCsds.IN_FORCE;
        TestCsds.Files efirma = TestCsds.madeUp(TestCsds.RFC, null, now.minus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(300)));
        expectRefused(efirma.cer(), efirma.key(), TestCsds.PASSWORD, "Ese certificado es de su e.firma (FIEL), no un CSD");
        TestCsds.Files other = TestCsds.madeUp("AAA010101AAA", "Sucursal 1", now.minus(Duration.ofDays(10)),
                now.plus(Duration.ofDays(300)));
        expectRefused(other.cer(), other.key(), TestCsds.PASSWORD,
                "El certificado es del RFC AAA010101AAA, no del de esta cuenta (" + TestCsds.RFC + ")");
        TestCsds.Files expired = TestCsds.madeUp(TestCsds.RFC, "Sucursal 1", now.minus(Duration.ofDays(900)),
                now.minus(Duration.ofDays(5)));
        expectRefused(expired.cer(), expired.key(), TestCsds.PASSWORD, "El certificado venció el 27/05/2026");
        expectRefused(TestCsds.satCer(), TestCsds.satKey(), "otra-clave",
                "La contraseña de la llave privada no es correcta");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        expectRefused(TestCsds.satCer(), TestCsds.encrypted(generator.generateKeyPair().getPrivate()),
                TestCsds.PASSWORD, "La llave privada no corresponde a este certificado");
        expectRefused("no soy un certificado".getBytes(), TestCsds.satKey(), TestCsds.PASSWORD,
                "El archivo .cer no es un certificado");
        expectRefused(TestCsds.satCer(), "no soy una llave".getBytes(), TestCsds.PASSWORD,
                "El archivo .key no es una llave privada del SAT");
        assertThat(jdbc.queryForObject("select count(*) from signup_csd where account_id = ?", Long.class,
                accountId())).isZero();
    }

    private void expectRefused(byte[] cer, byte[] key, String password, String message) throws Exception {
        MvcResult refused = upload(cer, key, password).andExpect(redirectedUrl("/signup/company#csd")).andReturn();
        String problem = (String) refused.getFlashMap().get("csdProblem");
        assertThat(problem).as(message).isNotNull();
        Object[] arguments = (Object[]) refused.getFlashMap().get("csdProblemArguments");
        // what the redirect left for the page (MockMvc cannot carry it through the database session)
        org.springframework.web.servlet.FlashMap left = new org.springframework.web.servlet.FlashMap();
        left.put("csdProblem", problem);
        left.put("csdProblemArguments", arguments);
        mvc.perform(get("/signup/company").with(authentication(business))
                        .requestAttr(org.springframework.web.servlet.DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, left))
                .andExpect(content().string(containsString(message)));
    }

    private org.springframework.test.web.servlet.ResultActions upload(byte[] cer, byte[] key, String password)
            throws Exception {
        return mvc.perform(multipart("/signup/csd")
                .file(new MockMultipartFile("cer", "csd.cer", "application/octet-stream", cer))
                .file(new MockMultipartFile("key", "csd.key", "application/octet-stream", key))
                .param("password", password).with(authentication(business)).with(csrf()));
    }

    private long accountId() {
        return jdbc.queryForObject("select a.id from signup_account a join supplier_user u on u.id = "
                + "a.supplier_user_id where u.email = ?", Long.class, email);
    }

    private static X509Certificate satCertificate() throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(TestCsds.satCer()));
    }

    private static PrivateKey pemKey() throws Exception {
        String pem = new String(CsdIntegrationTest.class.getClassLoader()
                .getResourceAsStream("signup/csd/EKU9003173C9.key.pem").readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
