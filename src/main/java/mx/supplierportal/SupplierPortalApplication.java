package mx.supplierportal;

import java.time.Clock;
import java.util.Arrays;
import mx.supplierportal.cfdi.CfdiCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SupplierPortalApplication {

    /**
     * The one business clock: Mexico City time whatever the server's zone (the Docker image runs in UTC), so that
     * {@code LocalDate.now(clock)} is the clients' day — validity dates, payment dates, "today" on forms — also
     * after 18:00 in Mexico City, when UTC is already tomorrow. Inject it; never call {@code now()} without it.
     */
    @Bean
    Clock clock() {
        return Clock.system(mx.supplierportal.web.MexicoTime.ZONE);
    }

    /** Runs the portal; {@code cfdi ...} instead runs the CFDI command-line tool (no web server, no database). */
    public static void main(String[] args) {
        if (args.length > 0 && "cfdi".equals(args[0])) {
            System.exit(CfdiCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(SupplierPortalApplication.class, args);
    }
}
