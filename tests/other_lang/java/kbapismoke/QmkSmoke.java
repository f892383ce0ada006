package kbapismoke;

import java.util.List;
import kbapi.qmk.ApiClient;
import kbapi.qmk.api.CompileApi;
import kbapi.qmk.model.CompileEnqueued;
import kbapi.qmk.model.CompileJob;
import kbapi.qmk.model.Keymap;

/** The QMK compile flow: submit super16, poll the job (bounded) to finished, check the firmware URL. */
final class QmkSmoke {
    private static final int MAX_POLLS = 100;
    private static final long POLL_MILLIS = 100;
    private static final List<String> LAYER = List.of(
        "RM_TOGG", "KC_1", "KC_U", "KC_P", "RM_NEXT", "KC_1", "KC_U", "KC_P",
        "RM_TOGG", "KC_1", "KC_U", "KC_P", "RM_NEXT", "KC_1", "KC_U", "KC_P");

    private QmkSmoke() {}

    static void run(String base) throws Exception {
        ApiClient client = new ApiClient();
        client.setHttpClientBuilder(Smoke.http1());
        client.updateBaseUri(base);
        client.setConnectTimeout(Smoke.TIMEOUT);
        client.setReadTimeout(Smoke.TIMEOUT);
        CompileApi compile = new CompileApi(client);

        Keymap keymap = new Keymap()
            .keyboard("1upkeyboards/super16").keymap("default").layout("LAYOUT_ortho_4x4").layers(List.of(LAYER));
        CompileEnqueued enqueued = compile.submitCompile(keymap);
        Smoke.check(Boolean.TRUE.equals(enqueued.getEnqueued()), "job not enqueued");
        String jobId = enqueued.getJobId();
        System.out.println("job " + jobId + " enqueued");

        CompileJob job = waitFinished(compile, jobId);
        Smoke.check(Boolean.FALSE.equals(job.getIsFailed()), "is_failed is " + job.getIsFailed());
        Smoke.check(job.getResult() != null, "finished job without result");
        List<String> urls = job.getResult().getFirmwareBinaryUrl();
        Smoke.check(urls != null && urls.size() == 1 && urls.get(0).contains(jobId), "firmware_binary_url " + urls);
        System.out.println("firmware: " + urls.get(0) + " (" + job.getResult().getFirmwareFilename() + ")");
    }

    private static CompileJob waitFinished(CompileApi compile, String jobId) throws Exception {
        for (int poll = 0; poll < MAX_POLLS; poll++) {
            CompileJob job = compile.getCompileJob(jobId);
            System.out.println("poll " + poll + ": status=" + job.getStatus());
            if ("finished".equals(job.getStatus())) {
                return job;
            }
            Smoke.check("queued".equals(job.getStatus()) || "running".equals(job.getStatus()),
                "unexpected status " + job.getStatus());
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("job " + jobId + " not finished after " + MAX_POLLS + " polls");
    }
}
