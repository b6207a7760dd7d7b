package mx.supplierportal.record;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RecordTemplateRepository extends JpaRepository<RecordTemplate, Long> {

    @Query("select t from RecordTemplate t where t.clientId = :clientId")
    Optional<RecordTemplate> findByClientId(Long clientId);
}

interface TemplateFieldRepository extends JpaRepository<TemplateField, Long> {
}

interface SupplierRecordRepository extends JpaRepository<SupplierRecord, Long> {

    Optional<SupplierRecord> findByClientSupplierId(Long clientSupplierId);

    Optional<SupplierRecord> findByProcessInstanceId(String processInstanceId);
}

interface RecordEntryRepository extends JpaRepository<RecordEntry, Long> {

    List<RecordEntry> findByRecordId(Long recordId);

    Optional<RecordEntry> findByRecordIdAndFieldId(Long recordId, Long fieldId);
}

interface BankAccountRepository extends JpaRepository<BankAccount, Long> {

    @Query("select a from BankAccount a where a.recordId = :recordId and a.removedAt is null order by a.createdAt")
    List<BankAccount> findCurrent(Long recordId);
}

interface BankRepository extends JpaRepository<Bank, String> {
}

