package mx.supplierportal.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * The portal's static files, each under its own URL prefix. Spring Boot's default maps {@code /**} to the static
 * folders, which makes every link a page renders (say {@code /invoice/42}) a candidate static file: each one was
 * looked up in four classpath folders through every jar on every render, a fifth of the portal's request CPU
 * under load (docs/performance.md). With {@code spring.web.resources.add-mappings=false} only these prefixes are
 * static, so page links are not looked up at all.
 */
@Configuration
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Bootstrap and htmx from their webjars, addressed without a version (/webjars/bootstrap/css/...)
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true).addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
        registry.addResourceHandler("/img/**").addResourceLocations("classpath:/static/img/").resourceChain(true);
        registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/").resourceChain(true);
    }
}
