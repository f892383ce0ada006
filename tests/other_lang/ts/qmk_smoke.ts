// Submits the super16 default keymap to a QMK API server with the kbapi-clients npm package (installed from its tarball),
// polls the job (bounded) until it is finished and checks the result.
// Usage: node qmk_smoke.js [BASE_URL]   (else $KBAPI_QMK_URL, e.g. http://127.0.0.1:5001)
import { createClient, createConfig } from 'kbapi-clients/qmk/client';
import { type CompileJob, getCompileJob, type Keymap, submitCompile } from 'kbapi-clients/qmk';
import { baseUrl, check, run } from './common';

const MAX_POLLS = 100;
const POLL_MS = 100;

const SUPER16: Keymap = {
  keyboard: '1upkeyboards/super16',
  keymap: 'default',
  layout: 'LAYOUT_ortho_4x4',
  layers: [
    ['RM_TOGG', 'KC_1', 'KC_U', 'KC_P', 'RM_NEXT', 'KC_1', 'KC_U', 'KC_P',
     'RM_TOGG', 'KC_1', 'KC_U', 'KC_P', 'RM_NEXT', 'KC_1', 'KC_U', 'KC_P'],
  ],
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFinished(client: ReturnType<typeof createClient>, jobId: string): Promise<CompileJob> {
  for (let poll = 0; poll < MAX_POLLS; poll++) {
    const { data, response } = await getCompileJob({ client, path: { job_id: jobId } });
    check(response.status === 200 && data !== undefined, `GET /v1/compile/${jobId} -> ${response.status}`);
    console.log(`poll ${poll}: status=${data.status}`);
    if (data.status === 'finished') {
      return data;
    }
    check(data.status === 'queued' || data.status === 'running', `unexpected status ${data.status}`);
    await sleep(POLL_MS);
  }
  throw new Error(`job ${jobId} not finished after ${MAX_POLLS} polls`);
}

run('qmk_smoke', async () => {
  const client = createClient(createConfig({ baseUrl: baseUrl('KBAPI_QMK_URL') }));
  const submitted = await submitCompile({ client, body: SUPER16 });
  check(submitted.response.status === 200, `POST /v1/compile -> ${submitted.response.status}`);
  check(submitted.data !== undefined && submitted.data.enqueued, 'job not enqueued');
  const jobId: string = submitted.data.job_id;
  console.log(`job ${jobId} enqueued`);

  const job = await waitFinished(client, jobId);
  check(job.is_failed === false, `is_failed is ${String(job.is_failed)}`);
  check(job.result !== null, 'finished job without result');
  const urls: string[] = job.result.firmware_binary_url ?? [];
  check(urls.length === 1 && urls[0].includes(jobId), `firmware_binary_url ${JSON.stringify(urls)}`);
  console.log(`firmware: ${urls[0]} (${job.result.firmware_filename ?? '?'})`);
});
