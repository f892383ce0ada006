package kbapismoke;

import java.util.List;
import kbapi.daskeyboardq.ApiClient;
import kbapi.daskeyboardq.ApiException;
import kbapi.daskeyboardq.api.ShadowsApi;
import kbapi.daskeyboardq.api.SignalsApi;
import kbapi.daskeyboardq.api.UsersApi;
import kbapi.daskeyboardq.model.Signal;
import kbapi.daskeyboardq.model.SignalCreate;
import kbapi.daskeyboardq.model.User;

/** The Das Keyboard Q flows: a local signal found in the shadows; cloud calls with the API key. */
final class QSmoke {
    private QSmoke() {}

    private static ApiClient client(String base, String apiKey) {
        ApiClient client = new ApiClient();
        client.setHttpClientBuilder(Smoke.http1());
        client.updateBaseUri(base);
        client.setConnectTimeout(Smoke.TIMEOUT);
        client.setReadTimeout(Smoke.TIMEOUT);
        if (apiKey != null) {
            // The native library applies no security scheme itself: the key goes in as a request header.
            client.setRequestInterceptor(request -> request.header("X-API-KEY", apiKey));
        }
        return client;
    }

    private static SignalCreate signal(String name, String zone) {
        return new SignalCreate().name(name).pid("DK5QPID").zoneId(zone).color("#FF0000").effect("SET_COLOR");
    }

    static void local(String base) throws Exception {
        ApiClient client = client(base, null);
        Signal created = new SignalsApi(client).createSignal(signal("java", "KEY_Q"));
        Smoke.check("KEY_Q".equals(created.getZoneId()) && "#FF0000".equals(created.getColor()),
            "echoed signal differs: " + created);
        System.out.println("signal " + created.getId() + " created");

        List<Signal> shadows = new ShadowsApi(client).getShadows();
        for (Signal shadow : shadows) {
            if (shadow.getId().equals(created.getId())) {
                Smoke.check("DK5QPID".equals(shadow.getPid()) && "KEY_Q".equals(shadow.getZoneId())
                    && "java".equals(shadow.getName()) && "#FF0000".equalsIgnoreCase(shadow.getColor()),
                    "shadow " + shadow);
                System.out.println("shadow of " + shadow.getPid() + "/" + shadow.getZoneId() + ": " + shadow.getColor());
                return;
            }
        }
        throw new IllegalStateException("signal " + created.getId() + " not among " + shadows.size() + " shadows");
    }

    static void cloud(String base, String apiKey) throws Exception {
        try {
            new UsersApi(client(base, apiKey + "-wrong")).getCurrentUser();
            throw new IllegalStateException("a wrong API key was accepted");
        } catch (ApiException refused) {
            Smoke.check(refused.getCode() == 401, "a wrong API key must be refused with 401, got " + refused.getCode());
        }
        ApiClient client = client(base, apiKey);
        User user = new UsersApi(client).getCurrentUser();
        Smoke.check(user.getEmail() != null && !user.getEmail().isEmpty(), "user without email");
        System.out.println("user: " + user.getEmail());

        SignalsApi signals = new SignalsApi(client);
        Signal created = signals.createSignal(signal("java-cloud", "KEY_W"));
        for (Signal listed : signals.listSignals(null, null, null, null).getContent()) {
            if (listed.getId().equals(created.getId())) {
                Smoke.check("DK5QPID".equals(listed.getPid()) && "java-cloud".equals(listed.getName()),
                    "listed signal " + listed);
                System.out.println("cloud signal " + listed.getId() + " listed for " + user.getEmail());
                return;
            }
        }
        throw new IllegalStateException("signal " + created.getId() + " not among the listed signals");
    }
}
