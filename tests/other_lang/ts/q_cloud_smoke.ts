// Calls a Das Keyboard Q CLOUD server with an API key through the kbapi-clients npm package: a wrong key is
// refused with 401; with the right key the user is read, a signal created and found in the signal list.
// Usage: node q_cloud_smoke.js BASE_URL API_KEY   (e.g. http://127.0.0.1:27302 demo-api-key)
import { createClient, createConfig } from 'kbapi-clients/daskeyboard-q/client';
import { createSignal, getCurrentUser, listSignals } from 'kbapi-clients/daskeyboard-q';
import { baseUrl, check, run } from './common';

/** A client that answers the API-key security scheme with `key` (and no other scheme). */
function cloudClient(key: string) {
  const auth = (scheme: { type: string }) => (scheme.type === 'apiKey' ? key : undefined);
  return createClient(createConfig({ baseUrl: baseUrl('KBAPI_Q_CLOUD_URL'), auth }));
}

run('q_cloud_smoke', async () => {
  const key = process.argv[3] ?? process.env.KBAPI_Q_API_KEY;
  check(key !== undefined && key !== '', 'no API key given (argv[3] or KBAPI_Q_API_KEY)');
  const refused = await getCurrentUser({ client: cloudClient(`${key}-wrong`) });
  check(refused.response.status === 401, `a wrong API key must get 401, got ${refused.response.status}`);

  const client = cloudClient(key);
  const user = await getCurrentUser({ client });
  check(user.response.status === 200 && user.data !== undefined, `GET users/me -> ${user.response.status}`);
  console.log(`user: ${user.data.email}`);

  const body = { name: 'ts-cloud', pid: 'DK5QPID', zoneId: 'KEY_W', color: '#FF0000' };
  const created = await createSignal({ client, body });
  check(created.response.status === 200 && created.data !== undefined, `POST signals -> ${created.response.status}`);
  const page = await listSignals({ client });
  check(page.response.status === 200 && page.data !== undefined, `GET signals -> ${page.response.status}`);
  const id = created.data.id;
  const listed = page.data.content.find((signal) => signal.id === id);
  check(listed !== undefined && listed.name === 'ts-cloud' && listed.pid === 'DK5QPID', `signal ${id} not listed`);
  console.log(`cloud signal ${id} listed for ${user.data.email}`);
});
