// Drives the official Das Keyboard Q applet SDK (npm `daskeyboard-applet`, pinned in tools/node) through
// its public signal API against a local Q server: the kbapi mock in the tests.
//
// Usage: KBAPI_Q_LOCAL_URL=http://127.0.0.1:PORT KBAPI_APPLET_FLOW=<flow> KBAPI_APPLET_DIR=<tmp dir> node flows.js
// (the SDK parses process.argv[2] as its own JSON config, so arguments go through the environment).
// Prints one line `RESULT <json>` with what the SDK handed back (signal ids, extension ids). The caller checks
// the effect on the server (its shadows), because Signal.send() swallows HTTP errors.
'use strict';

const path = require('path');

const url = process.env.KBAPI_Q_LOCAL_URL;
const dir = process.env.KBAPI_APPLET_DIR;
if (!url || !dir) {
  console.error('FAIL set KBAPI_Q_LOCAL_URL and KBAPI_APPLET_DIR');
  process.exit(2);
}
// The SDK has no setting for the Q Desktop address: lib/q-signal.js reads `desktopBackendUrl`
// (http://127.0.0.1:27301) from the package's application.json when it loads. Point that object at the
// server under test before the SDK is loaded.
require('daskeyboard-applet/application.json').desktopBackendUrl = url;
const q = require('daskeyboard-applet');

const GEOMETRY = { width: 3, height: 2, origin: { x: 5, y: 1 } };
const EXTENSION_ID = 'kbapi-applet-flows';

class FlowApplet extends q.DesktopApp {
  async run() {
    return null;
  }
}

// An applet as Q Desktop would configure it (storage in the scratch directory, not the cwd).
async function applet(extensionId, geometry = GEOMETRY) {
  const app = new FlowApplet();
  await app.processConfig({ extensionId, geometry, storageLocation: path.join(dir, 'storage') });
  return app;
}

// A `height` x `width` block of points, one colour per point from `colors` (row-major).
function block(colors, width, effect) {
  const rows = [];
  for (let i = 0; i < colors.length; i += width) {
    rows.push(colors.slice(i, i + width).map((color) => new q.Point(color, effect)));
  }
  return rows;
}

const SIX = ['#FF0000', '#00FF00', '#0000FF', '#FFFF00', '#00FFFF', '#FF00FF'];

const flows = {
  // A 3x2 signal from an applet with an extension id (sent as clientName).
  async multizone() {
    const app = await applet(EXTENSION_ID);
    const signal = new q.Signal({ points: block(SIX, 3), name: 'Weather', message: 'Rain at 5 pm' });
    const response = await app.signal(signal);
    return { id: signal.id, status: response.statusCode, extensionId: EXTENSION_ID };
  },

  // The same without an extension id: from an unconfigured applet (clientName left out) and through
  // Signal.send() directly (the SDK then sends clientName: null). The Signal constructor's own
  // `extensionId` option is stored as `extensionid` (sic) and never sent.
  async anonymous() {
    const app = await applet(undefined);
    const fromApp = new q.Signal({ points: block(SIX, 3) });
    await app.signal(fromApp);
    const direct = new q.Signal({
      points: block(SIX.slice(0, 3), 3),
      origin: { x: 5, y: 4 },
      extensionId: 'lost-by-the-sdk',
    });
    const response = await q.Signal.send(direct);
    return { appId: fromApp.id, directId: response.body.id };
  },

  // One zone per effect of the SDK's Effects enum, in a 9x1 applet.
  async effects() {
    const names = Object.values(q.Effects);
    const app = await applet(EXTENSION_ID, { width: names.length, height: 1, origin: { x: 1, y: 3 } });
    const points = [names.map((effect) => new q.Point('#123456', effect))];
    const signal = new q.Signal({ points });
    await app.signal(signal);
    return { id: signal.id, effects: names };
  },

  // signalError(): an ERROR signal painting the applet's area red, with the messages.
  async error() {
    const app = await applet(EXTENSION_ID);
    const response = await app.signalError(['Service unreachable', 'retry later']);
    return { id: response.body.id };
  },

  // handleFlash() (what the Q Desktop FLASH message runs): a FLASH signal in black over the applet's area,
  // then the latest signal sent again.
  async flash() {
    const app = await applet(EXTENSION_ID);
    const signal = new q.Signal({ points: block(SIX, 3) });
    await app.signal(signal);
    await app.handleFlash();
    return { id: signal.id };
  },

  // Signal.delete() by id and by signal object; a third signal stays.
  async delete() {
    const app = await applet(EXTENSION_ID);
    const ids = [];
    for (const color of ['#111111', '#222222', '#333333']) {
      const signal = new q.Signal({ points: block(Array(6).fill(color), 3) });
      await app.signal(signal);
      ids.push(signal.id);
    }
    const byId = await q.Signal.delete(ids[0]);
    const second = app.signalLog[1].signal; // the log is newest first
    const byObject = await q.Signal.delete(second);
    return { deletedById: ids[0], deletedByObject: second.id, kept: ids[2], bodies: [byId, byObject] };
  },

  // A signal the server refuses (a colour that is no colour): Signal.send() resolves to undefined.
  async refused() {
    const signal = new q.Signal({ points: [[new q.Point('blue')]], origin: { x: 1, y: 1 } });
    const response = await q.Signal.send(signal);
    return { resolved: response === undefined ? 'undefined' : typeof response };
  },
};

async function main() {
  const flow = flows[process.env.KBAPI_APPLET_FLOW];
  if (!flow) {
    throw new Error(`unknown KBAPI_APPLET_FLOW ${process.env.KBAPI_APPLET_FLOW}; one of ${Object.keys(flows)}`);
  }
  console.log('RESULT ' + JSON.stringify(await flow()));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error('FAIL ' + (error && error.stack ? error.stack : error));
    process.exit(1);
  },
);
