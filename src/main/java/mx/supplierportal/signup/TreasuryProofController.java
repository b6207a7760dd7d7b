package mx.supplierportal.signup;

import mx.supplierportal.document.DocumentResponses;
import mx.supplierportal.document.Documents;
import mx.supplierportal.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The proof of a bank deposit, for the portal's treasury (group portal-treasury) reviewing it in Tasklist. */
@Controller
class TreasuryProofController {

    private final StampOrderRepository orders;
    private final Documents documents;

    TreasuryProofController(StampOrderRepository orders, Documents documents) {
        this.orders = orders;
        this.documents = documents;
    }

    @GetMapping("/treasury/stamp-orders/{orderId}/proof")
    ResponseEntity<?> proof(@PathVariable("orderId") long orderId) {
        Long documentId = orders.findById(orderId).map(StampOrder::getProofDocumentId).orElseThrow(NotFound::new);
        return documents.download(documentId).map(DocumentResponses::of).orElseThrow(NotFound::new);
    }
}
