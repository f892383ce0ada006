// Sends a signal to a Das Keyboard Q LOCAL server (no auth) with the kbapi-clients npm package (installed from its tarball)
// and reads it back from the shadows.
// Usage: node q_smoke.js [BASE_URL]   (else $KBAPI_Q_LOCAL_URL, e.g. http://127.0.0.1:27301)
import { createClient, createConfig } from 'kbapi-clients/daskeyboard-q/client';
import { createSignal, getShadows, type SignalCreate } from 'kbapi-clients/daskeyboard-q';
import { baseUrl, check, run } from './common';

const SIGNAL: SignalCreate = {
  name: 'ts',
  pid: 'DK5QPID',
  zoneId: 'KEY_Q',
  color: '#FF0000',
  effect: 'SET_COLOR',
};

run('q_smoke', async () => {
  const client = createClient(createConfig({ baseUrl: baseUrl('KBAPI_Q_LOCAL_URL') }));
  const created = await createSignal({ client, body: SIGNAL });
  check(created.response.status === 200, `POST /api/1.0/signals -> ${created.response.status}`);
  check(created.data !== undefined, 'no signal in the response');
  const id: number = created.data.id;
  check(created.data.zoneId === 'KEY_Q' && created.data.color === '#FF0000', 'echoed signal differs');
  console.log(`signal ${id} created`);

  const shadows = await getShadows({ client });
  check(shadows.response.status === 200 && shadows.data !== undefined, `GET shadows -> ${shadows.response.status}`);
  const shadow = shadows.data.find((signal) => signal.id === id);
  check(shadow !== undefined, `signal ${id} not among ${shadows.data.length} shadows`);
  check(shadow.pid === 'DK5QPID' && shadow.zoneId === 'KEY_Q', `shadow ${JSON.stringify(shadow)}`);
  check(shadow.color.toUpperCase() === '#FF0000' && shadow.name === 'ts', `shadow ${JSON.stringify(shadow)}`);
  console.log(`shadow of ${shadow.pid}/${shadow.zoneId}: ${shadow.color}`);
});
