package mx.supplierportal.signup;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import mx.supplierportal.cfdi.RegimenFiscal;
import mx.supplierportal.web.NotFound;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 3, "Configura tus datos de la empresa": the issuer data of the CFDIs the business will stamp (razón social,
 * régimen fiscal valid for its kind of RFC, código postal) and its series and folios. Every method acts on the
 * signed-in user's own account; a series id of another account is {@link NotFound}.
 */
@Service
class CompanyData {

    static final String SAVED = "signup-company-data-saved";
    static final Set<String> CFDI_TYPES = Set.of("I", "E", "P", "T", "N");
    private static final Pattern POSTAL_CODE = Pattern.compile("^[0-9]{5}$");
    private static final Pattern FOLIO = Pattern.compile("^[0-9]{1,40}$");

    record View(SignupAccount account, List<Series> series) {

        boolean hasActiveSeries() {
            return series.stream().anyMatch(Series::isActive);
        }

        boolean complete() {
            return account.hasCompanyData() && hasActiveSeries();
        }
    }

    private final SignupAccountRepository accounts;
    private final SeriesRepository series;
    private final RuntimeService runtimeService;
    private final Clock clock;

    CompanyData(SignupAccountRepository accounts, SeriesRepository series, RuntimeService runtimeService,
            Clock clock) {
        this.accounts = accounts;
        this.series = series;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    View view(long userId) {
        SignupAccount account = confirmedAccountOf(userId);
        return new View(account, series.findByAccountIdOrderBySerie(account.getId()));
    }

    @Transactional
    List<FieldProblem> save(long userId, String businessNameTyped, String taxRegime, String postalCodeTyped) {
        SignupAccount account = confirmedAccountOf(userId);
        List<FieldProblem> problems = new ArrayList<>();
        String businessName = businessNameTyped == null ? "" : businessNameTyped.strip().replaceAll("\\s+", " ");
        if (businessName.isEmpty()) {
            problems.add(new FieldProblem("businessName", "signup.company.businessName.required"));
        } else if (businessName.length() > 254) {
            problems.add(new FieldProblem("businessName", "signup.company.businessName.tooLong"));
        } else if (businessName.contains("|")) {
            problems.add(new FieldProblem("businessName", "signup.company.businessName.pipe"));
        }
        RegimenFiscal regime = RegimenFiscal.of(taxRegime == null ? "" : taxRegime.strip()).orElse(null);
        if (regime == null) {
            problems.add(new FieldProblem("taxRegime", "signup.company.taxRegime.invalid"));
        } else if (!regime.appliesTo(account.getRfc())) {
            problems.add(new FieldProblem("taxRegime", "signup.company.taxRegime.notForRfc"));
        }
        String postalCode = postalCodeTyped == null ? "" : postalCodeTyped.strip();
        if (!POSTAL_CODE.matcher(postalCode).matches()) {
            problems.add(new FieldProblem("postalCode", "signup.company.postalCode.invalid"));
        }
        if (problems.isEmpty()) {
            account.companyData(businessName, regime.code(), postalCode);
        }
        return problems;
    }

    @Transactional
    List<FieldProblem> addSeries(long userId, String serieTyped, String nextFolioTyped, String cfdiType) {
        SignupAccount account = confirmedAccountOf(userId);
        String serie = serieTyped == null ? "" : serieTyped;
        List<FieldProblem> problems = new ArrayList<>(seriesProblems(nextFolioTyped, cfdiType));
        if (serie.isBlank()) {
            problems.add(0, new FieldProblem("serie", "signup.series.serie.required"));
        } else if (serie.length() > 25) {
            problems.add(0, new FieldProblem("serie", "signup.series.serie.tooLong"));
        } else if (serie.contains("|") || !serie.equals(serie.strip())) {
            problems.add(0, new FieldProblem("serie", "signup.series.serie.invalid"));
        } else if (series.existsByAccountIdAndSerie(account.getId(), serie)) {
            problems.add(0, new FieldProblem("serie", "signup.series.serie.duplicate"));
        }
        if (problems.isEmpty()) {
            series.save(new Series(account.getId(), serie, folio(nextFolioTyped), cfdiType,
                    OffsetDateTime.now(clock)));
        }
        return problems;
    }

    @Transactional
    List<FieldProblem> changeSeries(long userId, long seriesId, String nextFolioTyped, String cfdiType) {
        Series one = ownSeries(userId, seriesId);
        List<FieldProblem> problems = seriesProblems(nextFolioTyped, cfdiType);
        if (problems.isEmpty()) {
            one.change(folio(nextFolioTyped), cfdiType);
        }
        return problems;
    }

    @Transactional
    String setActive(long userId, long seriesId, boolean active) {
        Series one = ownSeries(userId, seriesId);
        one.active(active);
        return one.getSerie();
    }

    @Transactional(readOnly = true)
    String serieOf(long userId, long seriesId) {
        return ownSeries(userId, seriesId).getSerie();
    }

    /** "Continue to step 4": only with the company data and at least one active series. */
    @Transactional
    boolean finish(long userId) {
        View view = view(userId);
        if (!view.complete()) {
            return false;
        }
        if (view.account().companySaved(OffsetDateTime.now(clock))) {
            runtimeService.createMessageCorrelation(SAVED)
                    .processInstanceId(view.account().getProcessInstanceId()).correlate();
        }
        return true;
    }

    private static List<FieldProblem> seriesProblems(String nextFolioTyped, String cfdiType) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!FOLIO.matcher(nextFolioTyped == null ? "" : nextFolioTyped.strip()).matches()) {
            problems.add(new FieldProblem("nextFolio", "signup.series.nextFolio.invalid"));
        }
        if (cfdiType == null || !CFDI_TYPES.contains(cfdiType)) {
            problems.add(new FieldProblem("cfdiType", "signup.series.type.invalid"));
        }
        return problems;
    }

    /** "0007" stays as typed (some businesses pad their folios); only spaces around it go. */
    private static String folio(String typed) {
        return typed.strip();
    }

    private Series ownSeries(long userId, long seriesId) {
        SignupAccount account = confirmedAccountOf(userId);
        return series.findByIdAndAccountId(seriesId, account.getId()).orElseThrow(NotFound::new);
    }

    private SignupAccount confirmedAccountOf(long userId) {
        return accounts.findBySupplierUserId(userId)
                .filter(account -> account.getStatus() != SignupAccount.Status.UNCONFIRMED)
                .orElseThrow(NotFound::new);
    }
}
