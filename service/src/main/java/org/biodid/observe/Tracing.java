package org.biodid.observe;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.tracing.Tracer;
import io.helidon.tracing.providers.opentelemetry.HelidonOpenTelemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;

/**
 * OpenTelemetry tracing with an OTLP exporter, off unless {@code tracing.enabled} is true.
 * <p>
 * Helidon 4.1.2's OpenTelemetry provider does not build an exporter from config, so the SDK is assembled here and
 * handed to Helidon as the global tracer; the request observer and DbClient's tracing service then create spans
 * through it.
 */
public final class Tracing {

    private static final System.Logger LOGGER = System.getLogger(Tracing.class.getName());

    private Tracing() {
    }

    /**
     * Set up tracing from the {@code tracing} config node.
     *
     * @param config {@code tracing} node: {@code enabled}, {@code service}, {@code otlp.endpoint}
     * @return the tracer when tracing is enabled
     */
    public static Optional<Tracer> create(Config config) {
        if (!config.get("enabled").asBoolean().get()) {
            return Optional.empty();
        }
        String service = config.get("service").asString().get();
        String endpoint = config.get("otlp.endpoint").asString().get();
        OtlpGrpcSpanExporter exporter = OtlpGrpcSpanExporter.builder()
                .setEndpoint(endpoint)
                .setTimeout(Duration.ofSeconds(5))
                .build();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(
                        Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service))))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
                .build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
        Tracer tracer = HelidonOpenTelemetry.create(sdk, sdk.getTracer(service), Map.of());
        Tracer.global(tracer);
        LOGGER.log(Level.INFO, "Tracing enabled: OTLP spans of service " + service + " go to " + endpoint);
        return Optional.of(tracer);
    }
}
