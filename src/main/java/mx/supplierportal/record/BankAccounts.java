package mx.supplierportal.record;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bank accounts of a supplier's digital record: Mexican (CLABE) and foreign, checked before they are kept. */
@Service
public class BankAccounts {

    private final DigitalRecords records;
    private final BankAccountRepository accounts;
    private final BankRepository banks;
    private final Clock clock;

    BankAccounts(DigitalRecords records, BankAccountRepository accounts, BankRepository banks, Clock clock) {
        this.records = records;
        this.accounts = accounts;
        this.banks = banks;
        this.clock = clock;
    }

    @Transactional
    public BankAccount addMexicanAccount(long userId, long registrationId, String holder, String currency,
            String clabeInput) {
        SupplierRecord record = records.editableRecord(userId, registrationId);
        Map<String, String> problems = new HashMap<>();
        String clabe = BankAccountNumbers.normalize(clabeInput);
        checkHolderAndCurrency(holder, currency, problems);
        String clabeProblem = BankAccountNumbers.clabeProblem(clabe);
        String bankName = null;
        if (clabeProblem != null) {
            problems.put("clabe", clabeProblem);
        } else {
            // A well-formed CLABE of no Banxico participant (000000000000000000 among them) cannot receive a transfer.
            bankName = banks.findById(clabe.substring(0, 3)).map(Bank::getName).orElse(null);
            if (bankName == null) {
                problems.put("clabe", "bank.clabe.notParticipant");
            }
        }
        if (!problems.isEmpty()) {
            throw new BankAccountProblems(problems);
        }
        String code = clabe.substring(0, 3);
        return accounts.save(BankAccount.mexican(record.getId(), holder.strip(), currency, clabe, code, bankName,
                now()));
    }

    @Transactional
    public BankAccount addForeignAccount(long userId, long registrationId, String holder, String currency,
            String countryInput, String bankName, String swiftInput, String ibanInput, String accountInput,
            String abaInput) {
        SupplierRecord record = records.editableRecord(userId, registrationId);
        Map<String, String> problems = new HashMap<>();
        checkHolderAndCurrency(holder, currency, problems);
        String country = BankAccountNumbers.normalize(countryInput);
        String swift = BankAccountNumbers.normalize(swiftInput);
        String iban = BankAccountNumbers.normalize(ibanInput);
        String account = BankAccountNumbers.normalize(accountInput);
        String aba = BankAccountNumbers.normalize(abaInput);
        put(problems, "country", BankAccountNumbers.countryProblem(country));
        if ("MX".equals(country)) {
            problems.put("country", "bank.country.mexico");
        }
        if (bankName == null || bankName.isBlank() || bankName.length() > 100) {
            problems.put("bankName", "validation.required");
        }
        put(problems, "swift", BankAccountNumbers.bicProblem(swift));
        boolean ibanCountry = !problems.containsKey("country") && BankAccountNumbers.usesIban(country);
        if (ibanCountry) {
            put(problems, "iban", BankAccountNumbers.ibanProblem(iban));
            if (!problems.containsKey("iban") && !iban.startsWith(country)) {
                problems.put("iban", "bank.iban.country");
            }
        } else if (!account.matches("[A-Z0-9]{4,34}")) {
            problems.put("accountNumber", "bank.account.format");
        }
        if ("US".equals(country)) {
            put(problems, "aba", BankAccountNumbers.abaProblem(aba));
        }
        if (!problems.isEmpty()) {
            throw new BankAccountProblems(problems);
        }
        return accounts.save(BankAccount.foreign(record.getId(), holder.strip(), currency, country, bankName.strip(),
                swift, ibanCountry ? iban : null, ibanCountry ? null : account, "US".equals(country) ? aba : null,
                now()));
    }

    @Transactional
    public void removeAccount(long userId, long registrationId, long accountId) {
        SupplierRecord record = records.editableRecord(userId, registrationId);
        BankAccount account = accounts.findById(accountId).filter(a -> a.getRecordId().equals(record.getId()))
                .orElseThrow(() -> new RecordProblem("record.notFound"));
        account.remove(now());
    }

    private static void checkHolderAndCurrency(String holder, String currency, Map<String, String> problems) {
        if (holder == null || holder.isBlank()) {
            problems.put("holder", "validation.required");
        } else if (holder.length() > 254) {
            problems.put("holder", "record.value.tooLong");
        }
        if (currency == null || !currency.matches("MXN|USD|EUR|CAD|GBP")) {
            problems.put("currency", "bank.currency");
        }
    }

    private static void put(Map<String, String> problems, String field, String problem) {
        if (problem != null) {
            problems.put(field, problem);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
