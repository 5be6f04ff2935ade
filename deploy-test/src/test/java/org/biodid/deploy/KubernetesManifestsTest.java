package org.biodid.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.biodid.Wiring;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

/**
 * Every manifest in {@code deploy/kubernetes/} loads into fabric8's Kubernetes model as the kind it claims, and what
 * the manifests say about the service is true of the service: the probe paths answer 200 on a running instance, the
 * container port is the configured port, every Secret and ConfigMap reference resolves, every environment variable
 * names a configuration key, and termination outlasts the shutdown grace period. No cluster is involved.
 */
class KubernetesManifestsTest {

    private static final Path MANIFESTS = Path.of("..", "deploy", "kubernetes");
    // names the JVM reads, not the service's configuration
    private static final Set<String> JVM_ENVIRONMENT = Set.of("JAVA_TOOL_OPTIONS");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final List<HasMetadata> RESOURCES = new ArrayList<>();
    private static Path dataDir;
    private static WebServer server;
    private static Config applicationYaml;

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Object parsed = SERIALIZATION.unmarshal(Files.readString(file));
                if (parsed instanceof List<?> list) {
                    list.forEach(o -> RESOURCES.add((HasMetadata) o));
                } else {
                    RESOURCES.add((HasMetadata) parsed);
                }
            }
        }
        applicationYaml = Config.just(ConfigSources.classpath("application.yaml"));
        dataDir = Files.createTempDirectory("biodid-deploy-test-");
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("server.port", "0",
                                                       "server.host", "127.0.0.1",
                                                       "app.data.dir", dataDir.toString(),
                                                       "app.api.keys", "deploy-test-key-0123456789:verify")))
                .addSource(ConfigSources.classpath("application.yaml"))
                .build();
        Wiring wiring = Wiring.create(config).start();
        server = WebServer.builder().update(wiring::server).build().start();
        // as Main does: readiness is DOWN until the start-up warm-up over HTTP is over
        wiring.warmUpOverHttp(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void everyManifestLoadsAsTheKindItDeclares() {
        Map<String, Long> kinds = new HashMap<>();
        for (HasMetadata r : RESOURCES) {
            kinds.merge(r.getKind(), 1L, Long::sum);
            assertThat(r.getMetadata().getName() != null, is(true));
        }
        System.out.println("DEPLOY manifests loaded: " + kinds);
        one(Deployment.class);
        one(Service.class);
        one(HorizontalPodAutoscaler.class);
        one(PodDisruptionBudget.class);
        one(Secret.class);
        assertThat("the config and the Prometheus scrape ConfigMaps", all(ConfigMap.class).size(), is(2));
        GenericKubernetesResource monitor = one(GenericKubernetesResource.class);
        assertThat(monitor.getKind(), is("ServiceMonitor"));
    }

    @Test
    void probesAskTheServicesRealHealthRoutesOnItsPort() throws Exception {
        Container c = container();
        Set<String> portNames = new HashSet<>();
        for (ContainerPort p : c.getPorts()) {
            portNames.add(p.getName());
            assertThat("container port is the configured server.port", p.getContainerPort(),
                       is(applicationYaml.get("server.port").asInt().get()));
        }
        Map<String, String> expected = Map.of("startup", "/health/live", "liveness", "/health/live",
                                              "readiness", "/health/ready");
        Map<String, Probe> probes = Map.of("startup", c.getStartupProbe(), "liveness", c.getLivenessProbe(),
                                           "readiness", c.getReadinessProbe());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (Map.Entry<String, Probe> e : probes.entrySet()) {
            String path = e.getValue().getHttpGet().getPath();
            assertThat(e.getKey() + " probe path", path, is(expected.get(e.getKey())));
            assertThat(e.getKey() + " probe port names a container port", portNames,
                       hasItem(e.getValue().getHttpGet().getPort().getStrVal()));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                                                     HttpResponse.BodyHandlers.ofString());
            assertThat(e.getKey() + " probe " + path + " on a running service: " + answer.body(),
                       answer.statusCode(), is(200));
        }
    }

    @Test
    void serviceHpaPdbAndScrapeReachTheDeploymentsPods() {
        Deployment deployment = one(Deployment.class);
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Service service = one(Service.class);
        assertThat(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()), is(true));
        Set<String> containerPorts = new HashSet<>();
        container().getPorts().forEach(p -> containerPorts.add(p.getName()));
        service.getSpec().getPorts().forEach(p -> assertThat(containerPorts, hasItem(p.getTargetPort().getStrVal())));
        PodDisruptionBudget pdb = one(PodDisruptionBudget.class);
        assertThat(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()),
                   is(true));
        assertThat("the budget leaves replicas running", pdb.getSpec().getMaxUnavailable().getIntVal(),
                   lessThanOrEqualTo(deployment.getSpec().getReplicas() - 1));
        HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind(), is("Deployment"));
        assertThat(hpa.getSpec().getScaleTargetRef().getName(), is(deployment.getMetadata().getName()));
        assertThat(hpa.getSpec().getMetrics().get(0).getResource().getName(), is("cpu"));
        GenericKubernetesResource monitor = one(GenericKubernetesResource.class);
        Map<?, ?> spec = (Map<?, ?>) monitor.getAdditionalProperties().get("spec");
        List<?> endpoints = (List<?>) spec.get("endpoints");
        assertThat(endpoints.isEmpty(), is(false));
        Set<String> servicePorts = new HashSet<>();
        service.getSpec().getPorts().forEach(p -> servicePorts.add(p.getName()));
        for (Object e : endpoints) {
            Map<?, ?> endpoint = (Map<?, ?>) e;
            assertThat(servicePorts, hasItem(String.valueOf(endpoint.get("port"))));
            assertThat(endpoint.get("path"), is("/metrics"));
        }
    }

    @Test
    void secretAndConfigMapReferencesResolveAndEveryVariableIsAConfigurationKey() throws IOException {
        Container c = container();
        Map<String, ConfigMap> configMaps = new HashMap<>();
        all(ConfigMap.class).forEach(m -> configMaps.put(m.getMetadata().getName(), m));
        Secret secret = one(Secret.class);
        Set<String> variables = new HashSet<>();
        c.getEnvFrom().forEach(from -> {
            ConfigMap map = configMaps.get(from.getConfigMapRef().getName());
            assertThat("envFrom names a ConfigMap of these manifests: " + from.getConfigMapRef().getName(),
                       map != null, is(true));
            variables.addAll(map.getData().keySet());
        });
        for (EnvVar env : c.getEnv()) {
            variables.add(env.getName());
            if (env.getValueFrom() != null) {
                var ref = env.getValueFrom().getSecretKeyRef();
                assertThat(ref.getName(), is(secret.getMetadata().getName()));
                assertThat("Secret key " + ref.getKey(), secret.getStringData().containsKey(ref.getKey()), is(true));
            }
        }
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> unknown = new ArrayList<>();
        for (String variable : variables) {
            boolean known = JVM_ENVIRONMENT.contains(variable)
                    || applicationYaml.get(configKey(variable)).exists()
                    || readme.contains("| `" + variable + "` |");
            if (!known) {
                unknown.add(variable);
            }
        }
        assertThat("variables that name no key of application.yaml and no row of the README's table", unknown,
                   is(empty()));
    }

    @Test
    void terminationOutlastsThePauseAndTheShutdownGrace() {
        Deployment deployment = one(Deployment.class);
        Container c = container();
        ConfigMap config = all(ConfigMap.class).stream()
                .filter(m -> m.getData().containsKey("SERVER_SHUTDOWN_DASH_GRACE_DASH_PERIOD")).findFirst()
                .orElseThrow();
        Duration grace = Duration.parse(config.getData().get("SERVER_SHUTDOWN_DASH_GRACE_DASH_PERIOD"));
        long preStop = c.getLifecycle().getPreStop().getSleep().getSeconds();
        assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds(),
                   greaterThan(preStop + grace.toSeconds()));
        Map<String, Quantity> requests = c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits();
        for (String resource : List.of("cpu", "memory")) {
            assertThat(resource + " request <= limit", Quantity.getAmountInBytes(requests.get(resource))
                    .compareTo(Quantity.getAmountInBytes(limits.get(resource))), lessThanOrEqualTo(0));
        }
    }

    /** Helidon's environment mapping, backwards: APP_DB_POOL_SIZE -> app.db.pool.size, _DASH_ -> '-'. */
    private static String configKey(String variable) {
        return variable.toLowerCase().replace("_dash_", "-").replace('_', '.');
    }

    private static Container container() {
        List<Container> containers = one(Deployment.class).getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers.size(), is(1));
        return containers.get(0);
    }

    private static <T extends HasMetadata> List<T> all(Class<T> type) {
        return RESOURCES.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        assertThat("exactly one " + type.getSimpleName(), found.size(), is(1));
        return found.get(0);
    }
}
