package kbapismoke;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Smoke programs for the Java clients that openapi-generator (library native) builds from kbapi's specs.
 *
 * <pre>
 * java kbapismoke.Smoke qmk BASE_URL               compile super16, poll the job to finished, check the firmware URL
 * java kbapismoke.Smoke q-local BASE_URL           send a signal to a Q local server, find it in the shadows
 * java kbapismoke.Smoke q-cloud BASE_URL API_KEY   create and list signals on a Q cloud server with the API key
 * </pre>
 *
 * Prints "OK name" and exits 0 when every check holds; prints "FAIL name: ..." and exits 1 otherwise.
 */
public final class Smoke {
    /** Bounds every request: a hung server fails the smoke run instead of stalling it. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Smoke() {}

    /** HTTP/1.1: java.net.http otherwise asks plain-HTTP servers for an h2c upgrade, which uvicorn logs as unsupported. */
    static HttpClient.Builder http1() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("smoke check failed: " + message);
        }
    }

    interface Flow {
        void run() throws Exception;
    }

    static void run(String name, Flow flow) {
        try {
            flow.run();
        } catch (Exception e) {
            System.err.println("FAIL " + name + ": " + e);
            System.exit(1);
        }
        System.out.println("OK " + name);
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: Smoke qmk|q-local BASE_URL | Smoke q-cloud BASE_URL API_KEY");
            System.exit(2);
        }
        String base = args[1].replaceAll("/+$", "");
        if (args[0].equals("qmk")) {
            run("qmk_smoke", () -> QmkSmoke.run(base));
        } else if (args[0].equals("q-local")) {
            run("q_smoke", () -> QSmoke.local(base));
        } else if (args[0].equals("q-cloud") && args.length == 3) {
            run("q_cloud_smoke", () -> QSmoke.cloud(base, args[2]));
        } else {
            System.err.println("unknown or incomplete command: " + String.join(" ", args));
            System.exit(2);
        }
    }
}
