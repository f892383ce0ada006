// Small helpers shared by the smoke programs: base URLs from argv/env, checks that exit non-zero.

/** The base URL from argv[2], else the environment variable `envName`; exits 2 if neither is set. */
export function baseUrl(envName: string): string {
  const url = process.argv[2] ?? process.env[envName];
  if (!url) {
    console.error(`usage: node <smoke>.js BASE_URL (or set ${envName})`);
    process.exit(2);
  }
  return url.replace(/\/+$/, '');
}

/** Throws with `message` when `condition` is false. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(`smoke check failed: ${message}`);
  }
}

/** Runs `main`, prints `OK <name>` on success, the error and exit code 1 on failure. */
export function run(name: string, main: () => Promise<void>): void {
  main().then(
    () => console.log(`OK ${name}`),
    (error: unknown) => {
      console.error(`FAIL ${name}:`, error);
      process.exit(1);
    },
  );
}
