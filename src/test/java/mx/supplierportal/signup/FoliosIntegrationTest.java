package mx.supplierportal.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mx.supplierportal.security.SupplierPrincipal;
import mx.supplierportal.support.IntegrationTest;
import mx.supplierportal.support.SignupFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;

/** Folios from an account's series on PostgreSQL: consecutive, never twice, even when asked for at the same time. */
class FoliosIntegrationTest extends IntegrationTest {

    @Autowired
    Folios folios;

    @Test
    void twoStampingsAtOnceNeverGetTheSameFolio() throws Exception {
        Authentication business = SignupFixture.confirmedAccount(this, newRfc(), "folios-" + unique() + "@empresa.test");
        mvc.perform(post("/signup/series").with(authentication(business)).with(csrf())
                .param("serie", "A").param("nextFolio", "0098").param("cfdiType", "I"));
        long user = ((SupplierPrincipal) business.getPrincipal()).userId();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> asked = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            Callable<String> one = () -> folios.next(user, "A").orElseThrow().folio();
            asked.add(pool.submit(one));
        }
        Set<String> given = new TreeSet<>();
        for (Future<String> folio : asked) {
            given.add(folio.get());
        }
        pool.shutdown();
        assertThat(given).hasSize(80).first().isEqualTo("0098");
        assertThat(given).last().isEqualTo("0177");
        assertThat(jdbc.queryForObject("select next_folio from signup_series s join signup_account a on a.id ="
                + " s.account_id where a.supplier_user_id = ?", String.class, user)).isEqualTo("0178");

        // a deactivated series gives nothing, nor does another account's
        long series = jdbc.queryForObject("select s.id from signup_series s join signup_account a on a.id ="
                + " s.account_id where a.supplier_user_id = ?", Long.class, user);
        mvc.perform(post("/signup/series/" + series + "/active").with(authentication(business)).with(csrf())
                .param("active", "false"));
        assertThat(folios.next(user, "A")).isEmpty();
        Authentication other = SignupFixture.confirmedAccount(this, newRfc(), "otros-" + unique() + "@empresa.test");
        assertThat(folios.next(((SupplierPrincipal) other.getPrincipal()).userId(), "A")).isEmpty();
    }

    @Test
    void theNextFolioKeepsItsWidth() {
        assertThat(Folios.after("0099")).isEqualTo("0100");
        assertThat(Folios.after("9")).isEqualTo("10");
        assertThat(Folios.after("41")).isEqualTo("42");
    }
}
