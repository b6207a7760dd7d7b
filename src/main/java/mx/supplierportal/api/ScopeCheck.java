package mx.supplierportal.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@link RequiresScope} enforced before the handler's arguments are read (method security would check only after
 * binding, so a request missing a part would get 400 instead of 403). An API operation without the annotation is a
 * programming error and refused with 403 for everybody: no operation is open by omission.
 */
@Configuration
class ScopeCheck implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod method
                        && method.getBeanType().isAnnotationPresent(ApiController.class)) {
                    RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
                    var authentication = SecurityContextHolder.getContext().getAuthentication();
                    boolean granted = required != null && authentication != null
                            && authentication.getPrincipal() instanceof ApiPrincipal caller
                            && caller.scopes().contains(required.value());
                    if (!granted) {
                        throw new AccessDeniedException("scope " + (required == null ? "(none declared)"
                                : required.value().value()) + " required");
                    }
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    /** Each operation's scope in the OpenAPI document. */
    @Bean
    OperationCustomizer requiredScope() {
        return (operation, handler) -> {
            RequiresScope required = handler.getMethodAnnotation(RequiresScope.class);
            if (required != null) {
                operation.addExtension("x-required-scope", required.value().value());
            }
            return operation;
        };
    }
}
