package mx.supplierportal.payment;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A payment, supplier or invoice this person may not see: answered as "not found", never as "forbidden". */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PaymentNotFound extends RuntimeException {

    PaymentNotFound() {
        super("not found");
    }
}
