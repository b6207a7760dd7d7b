package mx.supplierportal.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an API operation needs. Checked before anything of the request is read (a token without it gets 403
 * {@code insufficient-scope}, even for a request that would be refused for another reason), and written into the
 * OpenAPI document as {@code x-required-scope}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresScope {

    ApiScope value();
}
