package mx.supplierportal.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Something that does not exist, or that this person may not see: answered "not found" (404, the portal's error
 * page), never "forbidden", so that an id from another supplier or client tells nothing. The one such type.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFound extends RuntimeException {

    public NotFound() {
        super("not found");
    }
}
