# The floe-gitops image: one distribution (cli/target/floe-gitops.jar + lib/) behind one command.
#   docker build -t floe-gitops:0.1.0 .
#   docker run --rm floe-gitops:0.1.0 version
# Not built in CI (no container engine on the build machines); see docs/operations.md.

# --- build: the runnable distribution, tests skipped (CI runs them) ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# POMs first, so dependency resolution is cached while only sources change.
COPY pom.xml ./
COPY policy/pom.xml policy/
COPY compiler/pom.xml compiler/
COPY runtime/pom.xml runtime/
COPY webhook/pom.xml webhook/
COPY admission/pom.xml admission/
COPY cli/pom.xml cli/
COPY bench/pom.xml bench/
COPY charts/pom.xml charts/
# go-offline cannot resolve the reactor's own unbuilt modules and may stop early; the package step resolves the rest.
RUN mvn -B -q -pl cli -am dependency:go-offline -DskipTests || true
COPY . .
RUN mvn -B -q -pl cli -am -DskipTests package \
 && test -f cli/target/floe-gitops.jar && test -d cli/target/lib

# --- runtime: a JRE, the jar and its lib/, an unprivileged user ---
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 floe \
 && useradd --system --uid 10001 --gid 10001 --home-dir /var/lib/floe-gitops --no-create-home --shell /usr/sbin/nologin floe \
 && mkdir -p /opt/floe-gitops /var/lib/floe-gitops /etc/floe-gitops /var/run/secrets/floe \
 && chown 10001:10001 /var/lib/floe-gitops
COPY --from=build /src/cli/target/floe-gitops.jar /opt/floe-gitops/floe-gitops.jar
COPY --from=build /src/cli/target/lib/ /opt/floe-gitops/lib/
USER 10001:10001
WORKDIR /var/lib/floe-gitops
# 8080 webhooks, 8443 admission (HTTPS), 8081 management (/healthz, /readyz, /metrics).
EXPOSE 8080 8443 8081
ENTRYPOINT ["java", "-jar", "/opt/floe-gitops/floe-gitops.jar"]
CMD ["serve", "--config", "/etc/floe-gitops/floe-gitops.yaml"]
