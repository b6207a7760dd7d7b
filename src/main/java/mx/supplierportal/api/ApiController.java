package mx.supplierportal.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.web.bind.annotation.RestController;

/**
 * A controller of {@code /api/v1}: its errors are answered as {@code application/problem+json} by {@link
 * ApiProblems}. Each feature keeps its API controller beside its pages and marks it with this.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RestController
public @interface ApiController {
}
