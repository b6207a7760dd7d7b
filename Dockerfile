# Builds and runs the supplier portal. Used by docker-compose.yml; the app needs PostgreSQL and SMTP
# (SPRING_PROFILES_ACTIVE=postgres with SPRING_DATASOURCE_* and SPRING_MAIL_*).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /app portal
WORKDIR /app
COPY --from=build /src/target/supplier-portal-*.jar /app/supplier-portal.jar
USER portal
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/supplier-portal.jar"]
