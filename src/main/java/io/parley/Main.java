package io.parley;

import io.parley.config.ConfigException;
import io.parley.config.ConfigLoader;
import io.parley.config.ParleyConfig;
import io.parley.lifecycle.ShutdownSettings;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/** Starts Parley with the configuration from conf/parley.yaml (or PARLEY_CONFIG) and the environment. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        ParleyConfig config;
        try {
            config = ConfigLoader.load(System.getenv());
        } catch (ConfigException e) {
            LOG.error("Configuration is not valid:\n{}", e.getMessage());
            System.exit(2);
            return;
        }
        if (args.length > 0 && "preview".equals(args[0])) {
            preview(config, args);
            return;
        }
        ProcessStop stop = ProcessStop.install(config.section(new ShutdownSettings()));
        Future<Parley> start = Parley.start(config);
        stop.starting(start);
        start.onFailure(err -> {
            LOG.error("Parley could not start: {}", err.getMessage(), err);
            System.exit(1);
        });
    }

    /** java -jar parley.jar preview SEQUENCE REQUEST.json: the contact calendar on standard output. */
    private static void preview(ParleyConfig config, String[] args) {
        if (args.length != 3) {
            LOG.error("usage: java -jar parley.jar preview <sequence> <request.json>");
            System.exit(2);
        }
        try {
            String calendar = Preview.run(config, args[1], java.nio.file.Path.of(args[2]), java.time.Instant.now());
            System.out.println(calendar);
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("Preview failed: {}", e.getMessage());
            System.exit(1);
        }
    }

}
